"""A signed-in person's own memberships, found through their national ID. Their capital is
added in `taavon.capital.selectors.mine`."""

from __future__ import annotations

from django.db.models import QuerySet

from taavon.core.errors import NotFoundError
from taavon.core.permissions import AnyUser
from taavon.registry.models import Membership


def _own(user: AnyUser) -> str | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return getattr(user, "national_id", None) or None


def own_memberships(user: AnyUser) -> QuerySet[Membership]:
    """Every membership (current and past) of the signed-in person; none for anybody else."""
    national_id = _own(user)
    if national_id is None:
        return Membership.objects.none()
    return Membership.objects.filter(person__national_id=national_id)


def my_membership_get(user: AnyUser, membership_id: int) -> Membership:
    """One of the user's own memberships; anybody else's is "not found"."""
    found = (
        own_memberships(user)
        .filter(pk=membership_id)
        .select_related("cooperative", "person")
        .first()
    )
    if found is None:
        raise NotFoundError()
    return found
