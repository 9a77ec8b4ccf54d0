"""Who may take a transition on an object: the one rule the engine applies before every
transition and the UI applies to choose which buttons to show."""

from __future__ import annotations

from taavon.core.permissions import AnyUser, can, reaches, scope_of

from .definitions import Role, Transition
from .models import WorkflowSubject


def may_take(actor: AnyUser | None, row: Transition, subject: WorkflowSubject) -> bool:
    """The actor holds one of the row's roles for this object: the object's policy answers
    "<role>:<action>"; an officer must also sit at the row's reach over the object's county."""
    place = subject.audit_placement()
    scope = scope_of(actor)
    for role in row.roles:
        if role == Role.OFFICER and not reaches(
            scope, row.reach, county_id=place.get("county_id"), province_id=place.get("province_id")
        ):
            continue
        if can(actor, f"{role}:{row.action}", subject):
            return True
    return False


def allowed_transitions(actor: AnyUser | None, subject: WorkflowSubject) -> list[Transition]:
    """The transitions the actor may take on the object now (what the UI offers)."""
    flow = subject.workflow()
    return [row for row in flow.transitions_from(subject.status) if may_take(actor, row, subject)]  # type: ignore[attr-defined]
