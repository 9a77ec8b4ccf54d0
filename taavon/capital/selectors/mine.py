"""A signed-in person's own memberships with their capital: the cooperatives they belong to
(or did), their register numbers, shares and payments."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Sum

from taavon.core.permissions import AnyUser
from taavon.registry.models import Membership, MembershipStatus
from taavon.registry.policies import PUBLIC_STATUSES
from taavon.registry.selectors.mine import own_memberships

from ..models import LedgerEntry
from .balances import ZERO, Balance


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


def my_memberships(user: AnyUser) -> list[MyMembership]:
    """Current memberships first, then past ones; two queries whatever the count."""
    memberships = list(
        own_memberships(user)
        .select_related("cooperative__county", "person")
        .order_by("exit_date", "cooperative__name", "pk")
    )
    if not memberships:
        return []
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
