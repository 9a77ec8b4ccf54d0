"""Who may read the audit log: administrators and national officers all of it, other
officers the events placed in their province or county."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from taavon.core.permissions import AnyUser, Scope, register

from .models import AuditEvent


@register(AuditEvent)
class AuditEventPolicy:
    def visible(self, user: AnyUser, scope: Scope, qs: QuerySet[Any]) -> QuerySet[Any]:
        if scope.national:
            return qs
        if not scope.is_officer:
            return qs.none()
        return qs.filter(scope.geo_q(county="county", province="province"))

    def allows(self, user: AnyUser, scope: Scope, action: str, obj: Any) -> bool:
        return (
            action == "view"
            and self.visible(user, scope, AuditEvent.objects.filter(pk=obj.pk)).exists()
        )
