"""One error shape for every API error: {"message", "code", "extra": {"fields": {...}}}."""

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from taavon.api.field_messages import field_message
from taavon.core.errors import ApplicationError

logger = logging.getLogger(__name__)


class ErrorOut(Schema):
    message: str
    code: str
    extra: dict[str, Any] = {}


# Responses every signed-in endpoint may give besides its own (for the OpenAPI document).
SIGNED_IN_ERRORS: dict[int, Any] = {401: ErrorOut, 422: ErrorOut}


def error_body(
    message: str, code: str, fields: dict[str, list[str]] | None = None, **extra: Any
) -> dict[str, Any]:
    return {"message": message, "code": code, "extra": {"fields": fields or {}, **extra}}


# Persian messages for the plain HTTP errors django-ninja raises itself (bad JSON, CSRF, ...).
_HTTP_MESSAGES: dict[int, tuple[str | Promise, str]] = {
    400: (gettext_lazy("درخواست نامعتبر است؛ بدنهٔ درخواست خوانده نشد."), "bad_request"),
    403: (gettext_lazy("دسترسی مجاز نیست."), "forbidden"),
    404: (gettext_lazy("موردی یافت نشد."), "not_found"),
    405: (gettext_lazy("این روش درخواست برای این نشانی مجاز نیست."), "method_not_allowed"),
}


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
            fields.setdefault(_loc_to_field(err.get("loc", ())), []).append(field_message(err))
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
        message, code = _HTTP_MESSAGES.get(exc.status_code, (str(exc.message), "http_error"))
        return respond(request, error_body(str(message), code), exc.status_code)

    @api.exception_handler(Exception)
    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("unhandled API error", exc_info=exc)
        return respond(
            request, error_body(_("خطای داخلی سامانه. دوباره تلاش کنید."), "server_error"), 500
        )


def _nul_field(request: HttpRequest) -> str | None:
    """The parameter holding a NUL character, if any: PostgreSQL cannot store or compare it."""
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return key.replace("\x00", "") or "__all__"
    if request.content_type == "application/json" and (
        b"\x00" in request.body or b"\\u0000" in request.body
    ):
        return "__all__"
    return None


def shaped(api: NinjaAPI, view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a URL's view: refuse NUL characters with a 422, and give ninja's plain-text 405
    the error shape too."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            field = _nul_field(request)
        except RequestDataTooBig:
            body = error_body(_("درخواست از اندازهٔ مجاز بزرگ‌تر است."), "too_large")
            return api.create_response(request, body, status=413)
        if field:
            body = error_body(
                _("ورودی نامعتبر است."), "invalid", {field: [_("نویسهٔ تهی مجاز نیست.")]}
            )
            return api.create_response(request, body, status=422)
        try:
            response = view(request, *args, **kwargs)
        except Http404:  # raised outside ninja's handlers, e.g. by its bare root URL /api/v1/
            message, code = _HTTP_MESSAGES[404]
            return api.create_response(request, error_body(str(message), code), status=404)
        if response.status_code != 405 or response.get("Content-Type") == "application/json":
            return response
        message, code = _HTTP_MESSAGES[405]
        allowed = response.get("Allow", "")
        response = api.create_response(request, error_body(str(message), code), status=405)
        response["Allow"] = allowed
        return response

    return wrapper


def not_found_view(api: NinjaAPI) -> Callable[..., HttpResponse]:
    """The catch-all for unknown URLs under the API prefix: a JSON 404, not the HTML page."""

    def api_not_found(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        message, code = _HTTP_MESSAGES[404]
        return api.create_response(request, error_body(str(message), code), status=404)

    return api_not_found
