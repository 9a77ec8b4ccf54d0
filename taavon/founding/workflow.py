"""The founding workflow as data: which action moves an application from which status to which,
and who may take it. `application_transition` (services/founding.py) is the only code that
applies these rows; views and the API render their buttons from the same table.

Keyed by stable codes (statuses and actions); labels are for display only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from taavon.core.permissions import AnyUser, can
from taavon.founding.models import ApplicationStatus as S

APPLICANT = "applicant"
OFFICER = "officer"


@dataclass(frozen=True)
class Transition:
    source: str
    action: str
    target: str
    who: tuple[str, ...]

    def permits(self, user: AnyUser, application: Any) -> bool:
        """The user holds one of the roles this row names, for this application. An officer
        never reviews their own application (an officer-only row is closed to the applicant)."""
        if self.who == (OFFICER,) and user.is_authenticated and application.applicant_id == user.pk:
            return False
        return any(can(user, f"{role}:{self.action}", application) for role in self.who)


TRANSITIONS: tuple[Transition, ...] = (
    Transition(S.DRAFT, "submit", S.SUBMITTED, (APPLICANT,)),
    Transition(S.RETURNED, "submit", S.SUBMITTED, (APPLICANT,)),
    Transition(S.SUBMITTED, "return", S.RETURNED, (OFFICER,)),
    Transition(S.SUBMITTED, "reject", S.REJECTED, (OFFICER,)),
    Transition(S.SUBMITTED, "approve", S.APPROVED, (OFFICER,)),
    Transition(S.APPROVED, "record_assembly", S.ASSEMBLY_HELD, (APPLICANT, OFFICER)),
    Transition(S.ASSEMBLY_HELD, "register", S.REGISTERED, (OFFICER,)),
    Transition(S.DRAFT, "withdraw", S.WITHDRAWN, (APPLICANT,)),
    Transition(S.SUBMITTED, "withdraw", S.WITHDRAWN, (APPLICANT,)),
    Transition(S.RETURNED, "withdraw", S.WITHDRAWN, (APPLICANT,)),
)

ACTIONS: tuple[str, ...] = tuple(dict.fromkeys(t.action for t in TRANSITIONS))


@dataclass(frozen=True)
class Step:
    """Work done on an application without changing its status (editing, recording capital)."""

    code: str
    statuses: frozenset[str]
    who: tuple[str, ...]

    def permits(self, user: AnyUser, application: Any) -> bool:
        return application.status in self.statuses and any(
            can(user, f"{role}:{self.code}", application) for role in self.who
        )


STEPS: dict[str, Step] = {
    "edit": Step("edit", frozenset({S.DRAFT, S.RETURNED}), (APPLICANT,)),
    "capital": Step("capital", frozenset({S.APPROVED, S.ASSEMBLY_HELD}), (APPLICANT, OFFICER)),
}

OPEN_STATUSES = frozenset({S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED, S.ASSEMBLY_HELD})

# Display only: button labels, button styles and the verb used in messages.
LABELS: dict[str, Promise] = {
    "submit": _("ارسال برای بررسی"),
    "return": _("بازگشت برای اصلاح"),
    "reject": _("رد درخواست"),
    "approve": _("موافقت و صدور موافقت‌نامه"),
    "record_assembly": _("ثبت نتایج مجمع مؤسس"),
    "register": _("ثبت نهایی تعاونی"),
    "withdraw": _("انصراف از درخواست"),
}
STYLES: dict[str, str] = {
    "submit": "primary",
    "return": "warning",
    "reject": "danger",
    "approve": "success",
    "record_assembly": "primary",
    "register": "success",
    "withdraw": "outline-danger",
}


def transition_for(status: str, action: str) -> Transition | None:
    for row in TRANSITIONS:
        if row.source == status and row.action == action:
            return row
    return None


def transitions_from(status: str) -> list[Transition]:
    return [row for row in TRANSITIONS if row.source == status]


def allowed_transitions(user: AnyUser, application: Any) -> list[Transition]:
    """The rows the user may take on this application now (what the UI offers)."""
    return [row for row in transitions_from(application.status) if row.permits(user, application)]
