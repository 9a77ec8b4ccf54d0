"""Who sees and manages registry objects.

- The public sees registered cooperatives (never their members).
- Officers see and act on everything placed in their county/province; national officers everywhere.
- A cooperative's manager sees and manages that cooperative, its members and its ledger.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from taavon.core.permissions import AnyUser, Scope, reaches, register
from taavon.registry.models import Cooperative, CooperativeStatus, Membership, Person, RuleProfile

PUBLIC_STATUSES = [
    CooperativeStatus.ACTIVE,
    CooperativeStatus.INACTIVE,
    CooperativeStatus.LIQUIDATION,
    CooperativeStatus.DISSOLVED,
]


def cooperative_scope_q(scope: Scope, prefix: str = "") -> Q:
    """Objects whose cooperative (reached by `prefix`) the scope manages."""
    coop = f"{prefix}__" if prefix else ""
    return scope.geo_q(
        county=f"{coop}county",
        province=f"{coop}county__province",
        cooperative=f"{prefix}" if prefix else "pk",
    )


def _managed(scope: Scope, qs: QuerySet[Any], prefix: str) -> QuerySet[Any]:
    if scope.national:
        return qs
    return qs.filter(cooperative_scope_q(scope, prefix))


class CooperativeOwnedPolicy:
    """For objects that belong to one cooperative through `prefix` (e.g. "cooperative")."""

    prefix = "cooperative"

    def visible(self, user: AnyUser, scope: Scope, qs: QuerySet[Any]) -> QuerySet[Any]:
        return _managed(scope, qs, self.prefix)

    def allows(self, user: AnyUser, scope: Scope, action: str, obj: Any) -> bool:
        return self.visible(user, scope, type(obj)._default_manager.filter(pk=obj.pk)).exists()


def office_covers(scope: Scope, cooperative: Any) -> bool:
    """An officer whose county, province or the whole country holds the cooperative (a manager
    role over the same cooperative does not count)."""
    return reaches(
        scope,
        "county",
        county_id=cooperative.county_id,
        province_id=cooperative.county.province_id,
    )


@register(Cooperative)
class CooperativePolicy:
    """`view` is public for registered cooperatives; `manage` (the register, the ledger) is
    the office's over it and its managers'; `officer:<verb>` (its status) is the office's."""

    def visible(self, user: AnyUser, scope: Scope, qs: QuerySet[Any]) -> QuerySet[Any]:
        if scope.national:
            return qs
        if not (scope.is_officer or scope.cooperative_ids):
            return qs.filter(status__in=PUBLIC_STATUSES)
        return qs.filter(Q(status__in=PUBLIC_STATUSES) | cooperative_scope_q(scope))

    def allows(self, user: AnyUser, scope: Scope, action: str, obj: Any) -> bool:
        if action == "view" and obj.status in PUBLIC_STATUSES:
            return True
        if action.startswith("officer:"):
            return office_covers(scope, obj)
        return office_covers(scope, obj) or obj.pk in scope.cooperative_ids


def managed_cooperatives(scope: Scope, qs: QuerySet[Cooperative]) -> QuerySet[Cooperative]:
    """Cooperatives the scope may manage (not merely view publicly)."""
    return _managed(scope, qs, "")


@register(Membership)
class MembershipPolicy(CooperativeOwnedPolicy):
    pass


@register(Person)
class PersonPolicy:
    """A person is visible to whoever manages one of their cooperatives."""

    def visible(self, user: AnyUser, scope: Scope, qs: QuerySet[Any]) -> QuerySet[Any]:
        if scope.national:
            return qs
        if not (scope.is_officer or scope.cooperative_ids):
            return qs.none()
        return qs.filter(
            pk__in=Membership.objects.filter(cooperative_scope_q(scope, "cooperative")).values(
                "person_id"
            )
        )

    def allows(self, user: AnyUser, scope: Scope, action: str, obj: Any) -> bool:
        return self.visible(user, scope, Person.objects.filter(pk=obj.pk)).exists()


@register(RuleProfile)
class RuleProfilePolicy:
    """Rule profiles are public rules; national officers publish new versions."""

    def visible(self, user: AnyUser, scope: Scope, qs: QuerySet[Any]) -> QuerySet[Any]:
        return qs

    def allows(self, user: AnyUser, scope: Scope, action: str, obj: Any) -> bool:
        """Anybody reads the rules; the national office (and system administrators) publish."""
        return action == "view" or scope.has_role("national_officer", "sysadmin")
