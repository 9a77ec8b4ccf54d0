"""Who sees and manages a cooperative: the public sees registered ones; officers manage
within their geography; a manager manages their own cooperative."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from taavon.accounts.permissions import AnyUser, Scope, register

from .models import Cooperative, CooperativeStatus

PUBLIC_STATUSES = [
    CooperativeStatus.ACTIVE,
    CooperativeStatus.INACTIVE,
    CooperativeStatus.LIQUIDATION,
    CooperativeStatus.DISSOLVED,
]


def managed(scope: Scope, qs: QuerySet[Any]) -> QuerySet[Any]:
    if scope.national:
        return qs
    return qs.filter(scope.geo_q(cooperative="pk"))


@register(Cooperative)
class CooperativePolicy:
    def visible(self, user: AnyUser, scope: Scope, qs: QuerySet[Any]) -> QuerySet[Any]:
        if scope.national:
            return qs
        public = qs.filter(status__in=PUBLIC_STATUSES)
        if not (scope.is_officer or scope.cooperative_ids):
            return public
        return public | managed(scope, qs)

    def allows(self, user: AnyUser, scope: Scope, action: str, obj: Any) -> bool:
        if action == "view":
            return (
                obj.status in PUBLIC_STATUSES
                or managed(scope, Cooperative.objects.filter(pk=obj.pk)).exists()
            )
        return managed(scope, Cooperative.objects.filter(pk=obj.pk)).exists()
