"""Who reads workflow definitions: every officer (they are the offices' procedures, not
personal data). Publishing is checked by the service against the owning office's level."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from taavon.core.permissions import AnyUser, Scope, register

from .models import WorkflowDefinition


@register(WorkflowDefinition)
class WorkflowDefinitionPolicy:
    def visible(self, user: AnyUser, scope: Scope, qs: QuerySet[Any]) -> QuerySet[Any]:
        return qs if scope.is_officer else qs.none()

    def allows(self, user: AnyUser, scope: Scope, action: str, obj: Any) -> bool:
        return action == "view" and scope.is_officer
