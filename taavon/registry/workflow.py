"""A cooperative's status as a workflow, fixed in code: founding → active (through its founding
application's registration) → inactive and back → liquidation → dissolved. Only the office
over the cooperative changes it; a reason is always recorded.

The founding stage has no target days here: the founding application's own workflow tracks it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from taavon.workflow.definitions import Role, Stage, Transition, Workflow, register_workflow

from .models.cooperative import CooperativeStatus as S

OFFICER = Role.OFFICER.value

# Actions the office takes from the status page; "register" is taken only by the founding
# application's registration (founding/services/actions.py).
OFFICE_ACTIONS = ("suspend", "reactivate", "liquidate", "dissolve")

COOPERATIVE_STATUS = register_workflow(
    Workflow(
        code="cooperative_status",
        version=1,
        name=_("وضعیت تعاونی"),
        initial=S.FOUNDING,
        stages=(
            Stage(S.FOUNDING, S.FOUNDING.label),
            Stage(S.ACTIVE, S.ACTIVE.label),
            Stage(S.INACTIVE, S.INACTIVE.label),
            Stage(S.LIQUIDATION, S.LIQUIDATION.label),
            Stage(S.DISSOLVED, S.DISSOLVED.label),
        ),
        transitions=(
            Transition(S.FOUNDING, "register", S.ACTIVE, (OFFICER,), label=_("ثبت تعاونی")),
            Transition(
                S.ACTIVE, "suspend", S.INACTIVE, (OFFICER,), label=_("غیرفعال"), style="warning"
            ),
            Transition(S.INACTIVE, "reactivate", S.ACTIVE, (OFFICER,), label=_("فعال‌سازی دوباره")),
            *(
                Transition(
                    source,
                    "liquidate",
                    S.LIQUIDATION,
                    (OFFICER,),
                    label=_("آغاز تصفیه"),
                    style="danger",
                )
                for source in (S.ACTIVE, S.INACTIVE)
            ),
            Transition(
                S.LIQUIDATION,
                "dissolve",
                S.DISSOLVED,
                (OFFICER,),
                label=_("انحلال"),
                style="danger",
            ),
        ),
    )
)


def office_transitions(status: str) -> list[Transition]:
    """The moves the office may make from `status` from the status page."""
    return [t for t in COOPERATIVE_STATUS.transitions_from(status) if t.action in OFFICE_ACTIONS]
