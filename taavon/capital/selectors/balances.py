"""Balances derived from ledger entries (never stored)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Case, IntegerField, Sum, Value, When

from ..models import LedgerEntry, ShareClass


@dataclass(frozen=True)
class Balance:
    shares: int = 0
    subscribed: int = 0
    paid: int = 0

    @property
    def outstanding(self) -> int:
        return self.subscribed - self.paid

    @property
    def paid_share(self) -> Fraction:
        """Paid over subscribed (0 when nothing is subscribed)."""
        return Fraction(self.paid, self.subscribed) if self.subscribed else Fraction(0)

    def __add__(self, other: Balance) -> Balance:
        return Balance(
            self.shares + other.shares, self.subscribed + other.subscribed, self.paid + other.paid
        )


ZERO = Balance()


def _sums(qs: object) -> Balance:
    agg = qs.aggregate(  # type: ignore[attr-defined]
        shares=Sum("shares_delta"), subscribed=Sum("subscribed_delta"), paid=Sum("paid_delta")
    )
    return Balance(agg["shares"] or 0, agg["subscribed"] or 0, agg["paid"] or 0)


def cooperative_totals(cooperative_id: int) -> Balance:
    return _sums(LedgerEntry.objects.filter(cooperative_id=cooperative_id))


def member_balances(
    cooperative_id: int, membership_ids: Iterable[int] | None = None
) -> dict[tuple[int, int], Balance]:
    """Balance per (membership, share class)."""
    qs = LedgerEntry.objects.filter(cooperative_id=cooperative_id)
    if membership_ids is not None:
        qs = qs.filter(membership_id__in=list(membership_ids))
    rows = qs.values("membership_id", "share_class_id").annotate(
        shares=Sum("shares_delta"), subscribed=Sum("subscribed_delta"), paid=Sum("paid_delta")
    )
    return {
        (r["membership_id"], r["share_class_id"]): Balance(r["shares"], r["subscribed"], r["paid"])
        for r in rows
    }


def member_totals(
    cooperative_id: int, membership_ids: Iterable[int] | None = None
) -> dict[int, Balance]:
    """Balance per membership, all share classes together."""
    totals: dict[int, Balance] = {}
    for (membership_id, _), balance in member_balances(cooperative_id, membership_ids).items():
        totals[membership_id] = totals.get(membership_id, ZERO) + balance
    return totals


def default_share_class(cooperative_id: int) -> ShareClass | None:
    """The class postings go to when none is named (the founders' capital, an import): code
    «A» if there is one, else the oldest class."""
    return (
        ShareClass.objects.filter(cooperative_id=cooperative_id)
        .order_by(
            Case(When(code="A", then=Value(0)), default=Value(1), output_field=IntegerField()), "pk"
        )
        .first()
    )
