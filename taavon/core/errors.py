"""One application error type; the API and the UI turn it into one error shape."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class ApplicationError(Exception):
    """A rule was broken by the caller's input; the message is for the user (Persian)."""

    status_code = 400

    def __init__(
        self,
        message: str,
        *,
        code: str = "invalid",
        fields: dict[str, list[str]] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = str(message)
        self.code = code
        # A field named without its own text gets the main message, so an API client never
        # sees {"shares": []} and can show the message beside the field.
        self.fields = {
            name: list(texts) or [self.message] for name, texts in (fields or {}).items()
        }
        self.extra = extra or {}


class NotFoundError(ApplicationError):
    """Missing *or* forbidden: both answer the same so scope cannot be probed."""

    status_code = 404

    def __init__(self, message: str | None = None) -> None:
        from django.utils.translation import gettext

        super().__init__(message or gettext("موردی یافت نشد."), code="not_found")


class ConflictError(ApplicationError):
    status_code = 409


def check_field(field: str, validator: Callable[[Any], None], value: Any) -> None:
    """Run a validator that raises Django's ValidationError (the Persian identifier validators)
    and raise the one application error type instead, naming the field: services raise only
    ApplicationError, so the API and the pages show the same message and nothing checks twice."""
    from django.core.exceptions import ValidationError

    try:
        validator(value)
    except ValidationError as exc:
        raise ApplicationError(
            str(exc.messages[0]), code=exc.code or "invalid", fields={field: list(exc.messages)}
        ) from None
