"""`application_transition`: the one place an application changes status.

It locks the row, checks the workflow table (registry/workflow.py) and the actor's permission,
runs the action's rules, records the transition and an audit event, and notifies the applicant
(SMS and email go out on commit). A second officer approving the same application at the same
moment waits for the lock, then finds the status already changed and gets a Persian error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from taavon.accounts.models import User
from taavon.audit.services import audit_record
from taavon.core.errors import ApplicationError, ConflictError, NotFoundError
from taavon.core.permissions import can
from taavon.founding.events import TRANSITION_EVENTS
from taavon.founding.models import ApplicationTransition, FoundingApplication
from taavon.founding.services import actions
from taavon.founding.services.common import (
    ActionForbidden,
    fa,
    fail,
    lock_application,
    notify_applicant,
)
from taavon.founding.workflow import ACTIONS, LABELS, transition_for
from taavon.persian.text import normalize

# (application, actor, payload) -> note kept in the transition history
Handler = Callable[[FoundingApplication, User, dict[str, Any]], str]


def _submit(application: FoundingApplication, actor: User, payload: dict[str, Any]) -> str:
    profile = application.rule_profile
    count = application.founders.count()
    if count < profile.min_founders:
        raise fail(
            "founders",
            _("دست‌کم %(n)s مؤسس لازم است؛ اکنون %(got)s نفر در فهرست است.")
            % {"n": fa(profile.min_founders), "got": fa(count)},
            code="below_min_founders",
        )
    if not application.proposed_names.exists():
        raise fail("names", _("دست‌کم یک نام پیشنهادی لازم است."))
    if not application.feasibility_plan:
        raise fail("feasibility_plan", _("بارگذاری طرح توجیهی (PDF) لازم است."))
    application.submitted_at = timezone.now()
    return ""


def _required_text(payload: dict[str, Any], field: str, message: str) -> str:
    text = normalize(str(payload.get(field) or ""), multiline=True)
    if not text:
        raise fail(field, message)
    return text


def _return(application: FoundingApplication, actor: User, payload: dict[str, Any]) -> str:
    note = _required_text(payload, "note", _("اصلاحات لازم را بنویسید."))
    application.officer_note = note
    return note


def _reject(application: FoundingApplication, actor: User, payload: dict[str, Any]) -> str:
    reason = _required_text(payload, "reason", _("دلیل رد درخواست را بنویسید."))
    application.officer_note = reason
    return reason


def _withdraw(application: FoundingApplication, actor: User, payload: dict[str, Any]) -> str:
    return normalize(str(payload.get("reason") or ""), multiline=True)


HANDLERS: dict[str, Handler] = {
    "submit": _submit,
    "return": _return,
    "reject": _reject,
    "approve": actions.approve,
    "record_assembly": actions.record_assembly,
    "register": actions.register,
    "withdraw": _withdraw,
}

PAYLOAD_FIELDS: dict[str, set[str]] = {
    "submit": set(),
    "return": {"note"},
    "reject": {"reason"},
    "approve": {"name_rank", "nominal_value"},
    "record_assembly": {
        "held_on",
        "members_present",
        "statute_votes_for",
        "board",
        "board_alternates",
        "inspectors",
        "inspector_alternates",
        "minutes",
    },
    "register": {"registration_number", "registration_date", "legal_national_id"},
    "withdraw": {"reason"},
}

assert set(HANDLERS) == set(ACTIONS) == set(PAYLOAD_FIELDS)


def _message(application: FoundingApplication, action: str, note: str) -> tuple[str, str]:
    code = application.tracking_code
    if action == "submit":
        return _("درخواست تأسیس ارسال شد"), _(
            "درخواست تأسیس با کد رهگیری %(code)s برای بررسی به ادارهٔ تعاون ارسال شد."
        ) % {"code": code}
    if action == "return":
        return _("درخواست تأسیس برای اصلاح بازگشت"), _(
            "درخواست تأسیس با کد رهگیری %(code)s برای اصلاح بازگردانده شد: %(note)s"
        ) % {"code": code, "note": note}
    if action == "reject":
        return _("درخواست تأسیس رد شد"), _(
            "درخواست تأسیس با کد رهگیری %(code)s رد شد. دلیل: %(note)s"
        ) % {"code": code, "note": note}
    if action == "approve":
        return _("موافقت‌نامهٔ تأسیس صادر شد"), _(
            "با درخواست تأسیس با کد رهگیری %(code)s موافقت شد. نام: %(name)s؛ شمارهٔ "
            "موافقت‌نامه: %(number)s. اکنون مجمع مؤسس را برگزار کنید."
        ) % {
            "code": code,
            "name": application.approved_name,
            "number": application.agreement_number,
        }
    if action == "record_assembly":
        return _("نتایج مجمع مؤسس ثبت شد"), _(
            "نتایج مجمع مؤسس برای درخواست با کد رهگیری %(code)s ثبت شد."
        ) % {"code": code}
    if action == "register":
        coop = application.cooperative
        return _("تعاونی ثبت شد"), _(
            "تعاونی «%(name)s» با شمارهٔ ثبت %(number)s ثبت شد (کد رهگیری %(code)s)."
        ) % {
            "name": application.approved_name,
            "code": code,
            "number": coop.registration_number if coop else "",
        }
    return _("انصراف از درخواست تأسیس"), _(
        "از درخواست تأسیس با کد رهگیری %(code)s انصراف داده شد."
    ) % {"code": code}


def _check(actor: User, application: FoundingApplication, action: str) -> None:
    if action not in ACTIONS:
        raise ApplicationError(_("اقدام ناشناخته است."), code="unknown_action")
    if not can(actor, "view", application):
        raise NotFoundError()
    row = transition_for(application.status, action)
    if row is None:
        raise ConflictError(
            _(
                "این درخواست اکنون در وضعیت «%(status)s» است و «%(action)s» در این وضعیت ممکن "
                "نیست؛ شاید هم‌زمان کاربر دیگری آن را تغییر داده است. صفحه را دوباره بارگذاری "
                "کنید."
            )
            % {"status": application.get_status_display(), "action": LABELS[action]},
            code="invalid_transition",
            extra={"status": application.status},
        )
    if not row.permits(actor, application):
        raise ActionForbidden(
            _("شما اجازهٔ «%(action)s» را برای این درخواست ندارید.") % {"action": LABELS[action]},
            code="forbidden",
        )


@transaction.atomic
def application_transition(
    *, actor: User, application_id: int, action: str, **payload: Any
) -> FoundingApplication:
    """Take `action` on the application (see workflow.TRANSITIONS for what is allowed)."""
    application = lock_application(application_id)
    _check(actor, application, action)
    unknown = set(payload) - PAYLOAD_FIELDS[action]
    if unknown:
        raise ApplicationError(
            _("فیلد ناشناخته."),
            code="invalid",
            fields={k: [_("فیلد ناشناخته.")] for k in sorted(unknown)},
        )
    row = transition_for(application.status, action)
    assert row is not None
    note = HANDLERS[action](application, actor, payload)
    before = application.status
    application.status = row.target
    application.save()
    ApplicationTransition.objects.create(
        application=application,
        action=action,
        from_status=before,
        to_status=row.target,
        actor=actor,
        note=note,
    )
    audit_record(
        actor=actor,
        action=TRANSITION_EVENTS[action],
        obj=application,
        summary=f"{application.tracking_code}: {before} → {row.target}",
        changes={"from": before, "to": row.target, "note": note[:500]},
    )
    title, body = _message(application, action, note)
    notify_applicant(application, code=action, title=title, body=body)
    return application
