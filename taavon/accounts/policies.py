"""Access to user accounts: a user sees themself; administrators see everyone."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from taavon.core.permissions import AnyUser, Scope, register
from taavon.geo.models import County, Province

from .models import User


@register(User)
class UserPolicy:
    """A user sees themself; system administrators see, create and give roles to anyone."""

    def visible(self, user: AnyUser, scope: Scope, qs: QuerySet[Any]) -> QuerySet[Any]:
        if scope.has_role("sysadmin"):
            return qs
        if user.is_authenticated:
            return qs.filter(pk=user.pk)
        return qs.none()

    def allows(self, user: AnyUser, scope: Scope, action: str, obj: Any) -> bool:
        if scope.has_role("sysadmin"):
            return True
        if action in ("create", "assign_role"):
            return False
        return bool(user.is_authenticated and obj.pk is not None and obj.pk == user.pk)


class _PublicReferencePolicy:
    """Geography is public reference data; only administrators change it."""

    def visible(self, user: AnyUser, scope: Scope, qs: QuerySet[Any]) -> QuerySet[Any]:
        return qs

    def allows(self, user: AnyUser, scope: Scope, action: str, obj: Any) -> bool:
        return action == "view" or scope.has_role("sysadmin", "national_officer")


register(Province)(_PublicReferencePolicy)
register(County)(_PublicReferencePolicy)
