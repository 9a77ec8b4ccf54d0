"""The founding workflow, fixed in code: the stages of an application (each with the office's
target days), which action moves it from which stage to which, and who may take it.
`application_transition` (services/transition.py) applies these rows through the workflow
engine; the web and API buttons are rendered from the same table.

The target of 7 days for the office's review follows the ministry's published aim of issuing
founding permits online in about a week. Keyed by stable codes; labels are for display only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from taavon.core.permissions import AnyUser
from taavon.workflow.access import holds
from taavon.workflow.definitions import Reach, Role, Stage, Transition, Workflow, register_workflow

from .models import ApplicationStatus as S

APPLICANT, OFFICER = Role.APPLICANT.value, Role.OFFICER.value

FOUNDING = register_workflow(
    Workflow(
        code="founding",
        version=1,
        name=_("تأسیس تعاونی"),
        initial=S.DRAFT,
        stages=(
            Stage(S.DRAFT, S.DRAFT.label),
            Stage(S.SUBMITTED, S.SUBMITTED.label, target_days=7),
            Stage(S.RETURNED, S.RETURNED.label, target_days=30),
            Stage(S.REJECTED, S.REJECTED.label),
            Stage(S.APPROVED, S.APPROVED.label, target_days=90),
            Stage(S.ASSEMBLY_HELD, S.ASSEMBLY_HELD.label, target_days=30),
            Stage(S.REGISTERED, S.REGISTERED.label),
            Stage(S.WITHDRAWN, S.WITHDRAWN.label),
        ),
        transitions=(
            Transition(S.DRAFT, "submit", S.SUBMITTED, (APPLICANT,), label=_("ارسال برای بررسی")),
            Transition(
                S.RETURNED, "submit", S.SUBMITTED, (APPLICANT,), label=_("ارسال برای بررسی")
            ),
            Transition(
                S.SUBMITTED,
                "return",
                S.RETURNED,
                (OFFICER,),
                label=_("بازگشت برای اصلاح"),
                style="warning",
            ),
            Transition(
                S.SUBMITTED, "reject", S.REJECTED, (OFFICER,), label=_("رد درخواست"), style="danger"
            ),
            Transition(
                S.SUBMITTED,
                "approve",
                S.APPROVED,
                (OFFICER,),
                label=_("موافقت و صدور موافقت‌نامه"),
                style="success",
            ),
            Transition(
                S.APPROVED,
                "record_assembly",
                S.ASSEMBLY_HELD,
                (APPLICANT, OFFICER),
                label=_("ثبت نتایج مجمع مؤسس"),
            ),
            Transition(
                S.ASSEMBLY_HELD,
                "register",
                S.REGISTERED,
                (OFFICER,),
                label=_("ثبت نهایی تعاونی"),
                style="success",
            ),
            *(
                Transition(
                    source,
                    "withdraw",
                    S.WITHDRAWN,
                    (APPLICANT,),
                    label=_("انصراف از درخواست"),
                    style="outline-danger",
                )
                for source in (S.DRAFT, S.SUBMITTED, S.RETURNED)
            ),
        ),
    )
)

ACTIONS: tuple[str, ...] = FOUNDING.actions


@dataclass(frozen=True)
class Step:
    """Work done on an application in some stages without moving it (editing the draft,
    recording the founders' capital), and who may do it."""

    code: str
    statuses: frozenset[str]
    roles: tuple[str, ...]

    def permits(self, user: AnyUser | None, application: Any) -> bool:
        """In one of its stages, for an actor holding one of its roles (as a transition's)."""
        return application.status in self.statuses and any(
            holds(user, role, self.code, Reach.COUNTY, application) for role in self.roles
        )


STEPS: dict[str, Step] = {
    "edit": Step("edit", frozenset({S.DRAFT, S.RETURNED}), (APPLICANT,)),
    "capital": Step("capital", frozenset({S.APPROVED, S.ASSEMBLY_HELD}), (APPLICANT, OFFICER)),
}
