"""Pieces shared by the founding services: errors, locking, notifying the applicant."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from taavon.capital.postings import MAX_AMOUNT
from taavon.core.errors import ApplicationError, ConflictError
from taavon.core.permissions import AnyUser, require
from taavon.founding.models import FoundingApplication
from taavon.founding.workflow import STEPS
from taavon.notifications.models import Channel
from taavon.notifications.services import notification_send
from taavon.persian import numbers
from taavon.workflow.services import ActionForbidden, lock_subject

__all__ = ["ActionForbidden"]

# Nominal value of one share in the default share class when the officer gives none at approval:
# one million rials (100,000 tomans), a common nominal value in cooperative statutes.
DEFAULT_NOMINAL_VALUE = 1_000_000


class FieldErrors:
    """Collects Persian messages per field, then raises them together."""

    def __init__(self) -> None:
        self.fields: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.fields.setdefault(field, []).append(str(message))

    def __bool__(self) -> bool:
        return bool(self.fields)

    def raise_if_any(self, code: str = "invalid") -> None:
        if self.fields:
            first = next(iter(self.fields.values()))[0]
            raise ApplicationError(first, code=code, fields=self.fields)


def fail(field: str, message: str, code: str = "invalid") -> ApplicationError:
    return ApplicationError(message, code=code, fields={field: [message]})


def whole_number(value: object, field: str, *, minimum: int = 0) -> int:
    """An integer ≥ minimum (booleans, floats and text are refused with a Persian message)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(field, _("مقدار باید عدد صحیح باشد."))
    if value < minimum:
        message = (
            _("مقدار باید بزرگ‌تر از صفر باشد.") if minimum == 1 else _("مقدار نمی‌تواند منفی باشد.")
        )
        raise fail(field, message)
    if value > MAX_AMOUNT:
        raise fail(field, _("مقدار بیش از حد بزرگ است."))
    return value


def applications() -> QuerySet[FoundingApplication]:
    """Applications with what their services read (county, profile, applicant, cooperative)."""
    return FoundingApplication.objects.select_related(
        "county__province", "rule_profile", "applicant", "cooperative"
    )


def lock_application(application_id: int) -> FoundingApplication:
    """The application row, locked until the transaction ends (the engine's one way to lock)."""
    return lock_subject(applications(), application_id)


STEP_REFUSALS = {
    # step: (status conflict, code, forbidden)
    "edit": (
        _lazy("درخواست در وضعیت «%(s)s» قابل ویرایش نیست."),
        "not_editable",
        _lazy("شما اجازهٔ ویرایش این درخواست را ندارید."),
    ),
    "capital": (
        _lazy("در وضعیت «%(s)s» نمی‌توان سرمایه ثبت کرد."),
        "invalid_transition",
        _lazy("شما اجازهٔ ثبت سرمایه برای این درخواست را ندارید."),
    ),
}


def lock_for_step(actor: AnyUser | None, application_id: int, step: str) -> FoundingApplication:
    """The application locked for work of one step (founding/workflow.py STEPS): 404 unless the
    actor sees it, 409 in a stage where the step is not done, 403 for a role that may not."""
    application = lock_application(application_id)
    require(actor, "view", application)
    conflict, code, forbidden = STEP_REFUSALS[step]
    if application.status not in STEPS[step].statuses:
        raise ConflictError(str(conflict) % {"s": application.get_status_display()}, code=code)
    if not STEPS[step].permits(actor, application):
        raise ActionForbidden(str(forbidden), code="forbidden")
    return application


def notify_applicant(application: FoundingApplication, *, code: str, title: str, body: str) -> None:
    """In-app now; SMS and email go out after the transaction commits (notification_send)."""
    notification_send(
        recipient=application.applicant,
        code=f"founding.{code}",
        title=title,
        body=numbers.digits(body),  # tracking codes and amounts in the language's digits
        url=reverse("web:founding-detail", args=[application.pk]),
        channels=(Channel.SMS, Channel.EMAIL),
    )
