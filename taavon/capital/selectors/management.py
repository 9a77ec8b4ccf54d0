"""Capital reads for the people who run a cooperative: the dashboard's figures, who still owes,
who holds nothing, balances per member, the share classes and the ledger's entries. Callers
pass a cooperative they have fetched through
`registry.selectors.management.cooperative_for_manager`; the reads that take the user also
filter what they return through the permission module, so a cooperative's rows never reach
anybody outside its managers and its office."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from taavon.core.permissions import AnyUser, get_visible_or_404, require, visible
from taavon.registry.models import Cooperative, Membership, MembershipStatus, RuleProfile
from taavon.registry.rules import default_rules, profile_or_none

from ..models import LedgerEntry, ShareClass
from .balances import ZERO, Balance, cooperative_totals, member_balances


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
    # With no profile at all the figures are shown against the law's defaults.
    rules = profile or default_rules()
    return Overview(
        member_count=counts["members"],
        exited_count=counts["exited"],
        totals=totals,
        paid_share=totals.paid_share,
        min_paid_share=rules.min_paid_share,
        max_member_share=rules.max_member_share,
        max_members=rules.max_members,
        profile=profile,
    )


@dataclass(frozen=True)
class Dashboard:
    """A cooperative's dashboard: the overview, the largest debts, the latest entries."""

    overview: Overview
    outstanding: list[Membership]
    outstanding_count: int
    without_capital_count: int
    share_class_count: int
    entries: list[LedgerEntry]


def cooperative_dashboard(
    user: AnyUser, cooperative: Cooperative, *, debtors_shown: int = 8, entries_shown: int = 10
) -> Dashboard:
    """NotFoundError unless the user manages the cooperative."""
    require(user, "manage", cooperative)
    outstanding = members_with_outstanding(user, cooperative)
    return Dashboard(
        overview=cooperative_overview(cooperative),
        outstanding=list(outstanding[:debtors_shown]),
        outstanding_count=outstanding.count(),
        without_capital_count=members_without_capital(user, cooperative).count(),
        share_class_count=share_class_list(user, cooperative).count(),
        entries=list(ledger_entry_list(user, cooperative)[:entries_shown]),
    )


def _current_members(user: AnyUser, cooperative: Cooperative) -> QuerySet[Membership]:
    return visible(user, cooperative.memberships.filter(status=MembershipStatus.MEMBER))


def members_with_outstanding(user: AnyUser, cooperative: Cooperative) -> QuerySet[Membership]:
    """Active members who still owe part of what they subscribed, largest debt first."""
    return (
        _current_members(user, cooperative)
        .annotate(
            subscribed=Sum("ledger_entries__subscribed_delta"),
            paid=Sum("ledger_entries__paid_delta"),
        )
        .annotate(outstanding=F("subscribed") - F("paid"))
        .filter(outstanding__gt=0)
        .select_related("person")
        .order_by("-outstanding", "register_number")
    )


def members_without_capital(user: AnyUser, cooperative: Cooperative) -> QuerySet[Membership]:
    """Active members who hold no shares (never subscribed, or everything reversed)."""
    holding = (
        LedgerEntry.objects.filter(cooperative_id=cooperative.pk)
        .values("membership_id")
        .annotate(shares=Sum("shares_delta"))
        .filter(shares__gt=0)
        .values("membership_id")
    )
    return _current_members(user, cooperative).exclude(pk__in=holding)


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


# --- share classes ---------------------------------------------------------------------------


def share_class_list(user: AnyUser, cooperative: Cooperative) -> QuerySet[ShareClass]:
    """The cooperative's share classes by code: its page, the API's list and the posting
    forms' choices."""
    return visible(user, cooperative.share_classes.order_by("code"))


def share_class_get(user: AnyUser, cooperative: Cooperative, class_id: object) -> ShareClass:
    """One of the cooperative's share classes; NotFoundError for any other."""
    return get_visible_or_404(user, cooperative.share_classes.all(), pk=class_id)


@dataclass(frozen=True)
class MemberCapital:
    """A member's balance per share class they have entries in (by class), and in all."""

    balances: list[tuple[ShareClass, Balance]]
    total: Balance
    has_classes: bool  # whether the cooperative has any share class yet


def member_capital(
    user: AnyUser, cooperative: Cooperative, membership: Membership
) -> MemberCapital:
    """NotFoundError unless the user manages the cooperative."""
    require(user, "manage", cooperative)
    classes = {c.pk: c for c in share_class_list(user, cooperative)}
    balances = [
        (classes[class_id], balance)
        for (_m, class_id), balance in sorted(
            member_balances(cooperative.pk, [membership.pk]).items()
        )
    ]
    return MemberCapital(balances, sum((b for _c, b in balances), ZERO), bool(classes))


# --- the ledger ------------------------------------------------------------------------------


def _entries(user: AnyUser, cooperative: Cooperative) -> QuerySet[LedgerEntry]:
    """Entries with what a row shows: member and person, class, reversal links."""
    return visible(
        user,
        cooperative.ledger_entries.select_related(
            "membership__person", "share_class", "reverses", "reversed_by"
        ),
    )


def ledger_entry_list(
    user: AnyUser,
    cooperative: Cooperative,
    *,
    kind: str = "",
    register_number: int | None = None,
    membership_id: int | None = None,
    seq: int | None = None,
    after_seq: int | None = None,
    oldest_first: bool = False,
) -> QuerySet[LedgerEntry]:
    """The cooperative's ledger, newest entry first (or oldest first, for paging by sequence
    after `after_seq`), filtered by kind, member (register number or membership id) and
    sequence number. The ledger page, a member's page, the dashboard and the API's ledger all
    read through here."""
    qs = _entries(user, cooperative)
    if kind:
        qs = qs.filter(kind=kind)
    if register_number is not None:
        qs = qs.filter(membership__register_number=register_number)
    if membership_id is not None:
        qs = qs.filter(membership_id=membership_id)
    if seq is not None:
        qs = qs.filter(seq=seq)
    if after_seq is not None:
        qs = qs.filter(seq__gt=after_seq)
    return qs.order_by("seq" if oldest_first else "-seq")


def ledger_entry_get(user: AnyUser, cooperative: Cooperative, entry_id: object) -> LedgerEntry:
    """One entry of the cooperative's ledger; NotFoundError for any other."""
    return get_visible_or_404(user, _entries(user, cooperative), pk=entry_id)


def ledger_entries_by_id(
    user: AnyUser, cooperative: Cooperative, entry_ids: Iterable[int]
) -> list[LedgerEntry]:
    """Entries just posted, read again in sequence order with what a row shows."""
    return list(_entries(user, cooperative).filter(pk__in=list(entry_ids)).order_by("seq"))
