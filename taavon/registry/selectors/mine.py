"""A signed-in person's own memberships: the cooperatives they belong to (or did), their
register numbers and their capital. A user is linked to their memberships by national ID."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Sum

from taavon.accounts.permissions import AnyUser
from taavon.capital.models import LedgerEntry
from taavon.capital.selectors import ZERO, Balance
from taavon.core.errors import NotFoundError
from taavon.registry.models import Membership, MembershipStatus

from ..policies import PUBLIC_STATUSES


@dataclass(frozen=True)
class MyMembership:
    membership: Membership
    balance: Balance

    @property
    def has_certificate(self) -> bool:
        """A share certificate is issued to a current member."""
        return self.membership.status == MembershipStatus.MEMBER

    @property
    def is_public(self) -> bool:
        """Whether the cooperative has a public registry page to link to."""
        return self.membership.cooperative.status in PUBLIC_STATUSES


def _own(user: AnyUser) -> str | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return getattr(user, "national_id", None) or None


def my_memberships(user: AnyUser) -> list[MyMembership]:
    """Current memberships first, then past ones; two queries whatever the count."""
    national_id = _own(user)
    if national_id is None:
        return []
    memberships = list(
        Membership.objects.filter(person__national_id=national_id)
        .select_related("cooperative__county", "person")
        .order_by("exit_date", "cooperative__name", "pk")
    )
    sums = (
        LedgerEntry.objects.filter(membership_id__in=[m.pk for m in memberships])
        .values("membership_id")
        .annotate(
            shares=Sum("shares_delta"), subscribed=Sum("subscribed_delta"), paid=Sum("paid_delta")
        )
    )
    balances = {
        row["membership_id"]: Balance(row["shares"], row["subscribed"], row["paid"]) for row in sums
    }
    current = [m for m in memberships if m.status == MembershipStatus.MEMBER]
    past = [m for m in memberships if m.status != MembershipStatus.MEMBER]
    return [MyMembership(m, balances.get(m.pk, ZERO)) for m in current + past]


def my_membership_get(user: AnyUser, membership_id: int) -> Membership:
    """One of the user's own memberships; anybody else's is "not found"."""
    national_id = _own(user)
    found = (
        Membership.objects.filter(pk=membership_id, person__national_id=national_id)
        .select_related("cooperative", "person")
        .first()
        if national_id
        else None
    )
    if found is None:
        raise NotFoundError()
    return found
