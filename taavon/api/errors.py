"""One error shape for every API error: {"message", "code", "extra": {"fields": {...}}}."""

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from taavon.core.errors import ApplicationError

logger = logging.getLogger(__name__)


class ErrorExtra(Schema):
    fields: dict[str, list[str]] = {}


class ErrorOut(Schema):
    message: str
    code: str
    extra: dict[str, Any] = {}


def error_body(
    message: str, code: str, fields: dict[str, list[str]] | None = None, **extra: Any
) -> dict[str, Any]:
    return {"message": message, "code": code, "extra": {"fields": fields or {}, **extra}}


def _loc_to_field(loc: Any) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "cookie")]
    parts = [p for p in parts if not p.startswith("payload")] or parts
    return ".".join(parts) or "__all__"


def install(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, body: dict[str, Any], status: int) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(ApplicationError)
    def application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
        return respond(
            request, error_body(exc.message, exc.code, exc.fields, **exc.extra), exc.status_code
        )

    @api.exception_handler(NinjaValidationError)
    def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        fields: dict[str, list[str]] = {}
        for err in exc.errors:
            fields.setdefault(_loc_to_field(err.get("loc", ())), []).append(str(err.get("msg")))
        return respond(request, error_body(_("ورودی نامعتبر است."), "invalid", fields), 422)

    @api.exception_handler(DjangoValidationError)
    def django_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        fields = (
            {k: [str(m) for m in v] for k, v in exc.message_dict.items()}
            if hasattr(exc, "error_dict")
            else {"__all__": [str(m) for m in exc.messages]}
        )
        message = exc.messages[0] if exc.messages else _("ورودی نامعتبر است.")
        return respond(request, error_body(str(message), "invalid", fields), 422)

    @api.exception_handler(AuthenticationError)
    def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return respond(
            request, error_body(_("ورود لازم است یا توکن نامعتبر است."), "unauthenticated"), 401
        )

    @api.exception_handler(AuthorizationError)
    def authorization_error(request: HttpRequest, exc: AuthorizationError) -> HttpResponse:
        return respond(request, error_body(_("دسترسی مجاز نیست."), "forbidden"), 403)

    @api.exception_handler(PermissionDenied)
    def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return respond(request, error_body(_("دسترسی مجاز نیست."), "forbidden"), 403)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, error_body(_("موردی یافت نشد."), "not_found"), 404)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return respond(request, error_body(str(exc.message), "http_error"), exc.status_code)

    @api.exception_handler(Exception)
    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("unhandled API error", exc_info=exc)
        return respond(
            request, error_body(_("خطای داخلی سامانه. دوباره تلاش کنید."), "server_error"), 500
        )
