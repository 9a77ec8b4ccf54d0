"""Who may take a transition on an object: the one rule the engine applies before every
transition and the UI applies to choose which buttons to show."""

from __future__ import annotations

from typing import Any

from taavon.core.permissions import AnyUser, can, reaches, scope_of

from .definitions import Role, Transition
from .models import WorkflowSubject


def holds(actor: AnyUser | None, role: str, action: str, reach: str, subject: Any) -> bool:
    """The actor holds `role` for `action` on this object: the object's policy answers
    "<role>:<action>"; an officer must also sit at `reach` over the object's county."""
    if role == Role.OFFICER:
        place = subject.audit_placement()
        if not reaches(
            scope_of(actor),
            reach,
            county_id=place.get("county_id"),
            province_id=place.get("province_id"),
        ):
            return False
    return can(actor, f"{role}:{action}", subject)


def may_take(actor: AnyUser | None, row: Transition, subject: WorkflowSubject) -> bool:
    """The actor holds one of the row's roles for this object."""
    return any(holds(actor, role, row.action, row.reach, subject) for role in row.roles)


def allowed_transitions(actor: AnyUser | None, subject: WorkflowSubject) -> list[Transition]:
    """The transitions the actor may take on the object now (what the UI offers)."""
    flow = subject.workflow()
    return [row for row in flow.transitions_from(subject.status) if may_take(actor, row, subject)]  # type: ignore[attr-defined]
