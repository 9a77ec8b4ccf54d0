"""`application_transition`: every status change of a founding application.

The workflow engine (`workflow.services.workflow_transition`) locks the row, checks the founding
table (founding/workflow.py) and the actor's permission, runs the action's rules below, records
the transition and an audit event; the applicant is notified (SMS and email go out on commit).
A second officer approving the same application at the same moment waits for the lock, then
finds the status already changed and gets a Persian error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from taavon.accounts.models import User
from taavon.core.errors import ApplicationError
from taavon.core.permissions import AnyUser
from taavon.founding.events import TRANSITION_EVENTS
from taavon.founding.models import FoundingApplication
from taavon.founding.services import actions
from taavon.founding.services.common import (
    applications,
    fail,
    notify_applicant,
)
from taavon.founding.workflow import ACTIONS
from taavon.persian import numbers
from taavon.persian.text import normalize
from taavon.workflow.definitions import Transition
from taavon.workflow.services import workflow_transition

# (application, actor, payload) -> note kept in the transition history
Handler = Callable[[FoundingApplication, User, dict[str, Any]], str]


def _submit(application: FoundingApplication, actor: User, payload: dict[str, Any]) -> str:
    profile = application.rule_profile
    count = application.founders.count()
    if count < profile.min_founders:
        raise fail(
            "founders",
            _("دست‌کم %(n)s مؤسس لازم است؛ اکنون %(got)s نفر در فهرست است.")
            % {"n": numbers.number(profile.min_founders), "got": numbers.number(count)},
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


def _handle(
    application: FoundingApplication, actor: User, row: Transition, payload: Mapping[str, Any]
) -> str:
    """The action's rules, once the engine has locked the row and authorised the actor."""
    fields = dict(payload)
    unknown = set(fields) - PAYLOAD_FIELDS[row.action]
    if unknown:
        raise ApplicationError(
            _("فیلد ناشناخته."),
            code="invalid",
            fields={k: [_("فیلد ناشناخته.")] for k in sorted(unknown)},
        )
    return HANDLERS[row.action](application, actor, fields)


def _notify(application: FoundingApplication, row: Transition, note: str) -> None:
    title, body = _message(application, row.action, note)
    notify_applicant(application, code=row.action, title=title, body=body)


def application_transition(
    *, actor: AnyUser | None, application_id: int, action: str, **payload: Any
) -> FoundingApplication:
    """Take `action` on the application (see founding/workflow.py for what is allowed)."""
    return workflow_transition(
        actor=actor,
        subject=applications(),
        pk=application_id,
        action=action,
        payload=payload,
        handler=_handle,
        audit_action=TRANSITION_EVENTS.get(action),
        notify=_notify,
    )
