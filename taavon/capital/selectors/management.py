"""Capital reads for the people who run a cooperative: the dashboard's figures, who still owes,
who holds nothing, balances per member and the ledger's entries. Callers pass a cooperative
they have fetched through `registry.selectors.management.cooperative_for_manager`."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from taavon.registry.models import Cooperative, Membership, MembershipStatus, RuleProfile
from taavon.registry.rules import default_rules, profile_or_none

from ..models import LedgerEntry
from .balances import Balance, cooperative_totals


@dataclass(frozen=True)
class Overview:
    """The figures at the top of a cooperative's dashboard (and its API detail)."""

    member_count: int
    exited_count: int
    totals: Balance
    paid_share: Fraction
    min_paid_share: Fraction
    max_member_share: Fraction
    max_members: int | None
    profile: RuleProfile | None

    @property
    def paid_share_ok(self) -> bool:
        return self.totals.subscribed > 0 and self.paid_share >= self.min_paid_share


def cooperative_overview(cooperative: Cooperative) -> Overview:
    counts = Membership.objects.filter(cooperative=cooperative).aggregate(
        members=Count("pk", filter=Q(status=MembershipStatus.MEMBER)),
        exited=Count("pk", filter=~Q(status=MembershipStatus.MEMBER)),
    )
    totals = cooperative_totals(cooperative.pk)
    profile = profile_or_none(cooperative)
    share = Fraction(totals.paid, totals.subscribed) if totals.subscribed else Fraction(0)
    # With no profile at all the figures are shown against the law's defaults.
    rules = profile or default_rules()
    return Overview(
        member_count=counts["members"],
        exited_count=counts["exited"],
        totals=totals,
        paid_share=share,
        min_paid_share=rules.min_paid_share,
        max_member_share=rules.max_member_share,
        max_members=rules.max_members,
        profile=profile,
    )


def members_with_outstanding(cooperative_id: int) -> QuerySet[Membership]:
    """Active members who still owe part of what they subscribed, largest debt first."""
    return (
        Membership.objects.filter(cooperative_id=cooperative_id, status=MembershipStatus.MEMBER)
        .annotate(
            subscribed=Sum("ledger_entries__subscribed_delta"),
            paid=Sum("ledger_entries__paid_delta"),
        )
        .annotate(outstanding=F("subscribed") - F("paid"))
        .filter(outstanding__gt=0)
        .select_related("person")
        .order_by("-outstanding", "register_number")
    )


def members_without_capital(cooperative_id: int) -> QuerySet[Membership]:
    """Active members who hold no shares (never subscribed, or everything reversed)."""
    holding = (
        LedgerEntry.objects.filter(cooperative_id=cooperative_id)
        .values("membership_id")
        .annotate(shares=Sum("shares_delta"))
        .filter(shares__gt=0)
        .values("membership_id")
    )
    return Membership.objects.filter(
        cooperative_id=cooperative_id, status=MembershipStatus.MEMBER
    ).exclude(pk__in=holding)


def with_balances(qs: QuerySet[Membership]) -> QuerySet[Membership]:
    """Annotate each membership with its shares, subscribed and paid capital (all classes).
    Correlated subqueries, so a page of members costs one query however long the ledger."""

    def total(field: str) -> Any:
        rows = (
            LedgerEntry.objects.filter(membership=OuterRef("pk"))
            .values("membership")
            .annotate(total=Sum(field))
            .values("total")
        )
        return Coalesce(Subquery(rows), Value(0))

    return qs.annotate(
        shares=total("shares_delta"),
        subscribed=total("subscribed_delta"),
        paid=total("paid_delta"),
    )


def ledger_entries(cooperative_id: int) -> QuerySet[LedgerEntry]:
    """Entries newest first, with what a table row shows (member, class, reversal links)."""
    return (
        LedgerEntry.objects.filter(cooperative_id=cooperative_id)
        .select_related("membership__person", "share_class", "reverses", "reversed_by")
        .order_by("-seq")
    )
