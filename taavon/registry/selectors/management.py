"""Reads for the people who run a cooperative: its manager and the officers over it.

Every entry point takes the acting user and answers "not found" both for a cooperative that
does not exist and for one outside the user's scope, so the web views and the API share one
access rule: get_visible_or_404 + require(user, "manage", cooperative).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Concat, Lower, Replace

from taavon.accounts.permissions import AnyUser, get_visible_or_404, require, scope_of
from taavon.capital.models import LedgerEntry
from taavon.capital.selectors import Balance, cooperative_totals
from taavon.core.errors import ApplicationError, NotFoundError
from taavon.persian.text import ZWNJ, normalize, search_key, to_latin_digits

from ..models import Cooperative, CooperativeStatusChange, Membership, MembershipStatus, RuleProfile
from ..policies import managed_cooperatives
from ..services.rules import rule_profile_for


def cooperative_for_manager(user: AnyUser, cooperative_id: object) -> Cooperative:
    """The cooperative if the user may manage it; NotFoundError otherwise."""
    cooperative = get_visible_or_404(
        user,
        Cooperative.objects.select_related("county__province", "rule_profile"),
        pk=cooperative_id,
    )
    require(user, "manage", cooperative)
    return cooperative


def may_change_status(user: AnyUser, cooperative: Cooperative) -> bool:
    """Status changes are the office's: an officer whose county/province covers the cooperative
    (a manager role over the same cooperative does not count)."""
    scope = scope_of(user)
    if not scope.is_officer:
        return False
    officer = dataclasses.replace(scope, cooperative_ids=frozenset())
    return managed_cooperatives(officer, Cooperative.objects.filter(pk=cooperative.pk)).exists()


def cooperative_for_officer(user: AnyUser, cooperative_id: object) -> Cooperative:
    cooperative = cooperative_for_manager(user, cooperative_id)
    if not may_change_status(user, cooperative):
        raise NotFoundError()
    return cooperative


def managed_cooperative_list(
    *,
    user: AnyUser,
    q: str = "",
    county_id: int | None = None,
    status: str = "",
    sector: str = "",
) -> QuerySet[Cooperative]:
    """Cooperatives the user may manage, with their active member counts, by name."""
    qs = managed_cooperatives(scope_of(user), Cooperative.objects.all())
    key = search_key(q)
    digits = to_latin_digits(normalize(q))
    if key:
        match = Q(name_key__contains=key)
        if digits.isdigit():
            match |= Q(registration_number=digits) | Q(legal_national_id=digits)
        qs = qs.filter(match)
    if county_id:
        qs = qs.filter(county_id=county_id)
    if status:
        qs = qs.filter(status=status)
    if sector:
        qs = qs.filter(sector=sector)
    # A correlated count, evaluated for the rows of one page only: a JOIN + GROUP BY would
    # count every membership in the scope (millions, nationally) before paging.
    members = (
        Membership.objects.filter(cooperative=OuterRef("pk"), status=MembershipStatus.MEMBER)
        .values("cooperative")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        qs.select_related("county")
        .annotate(member_count=Coalesce(Subquery(members), Value(0)))
        .order_by("name", "pk")
    )


def _name_key(first: str, last: str) -> Any:
    """search_key() of a person's name computed by the database: names are stored normalised,
    so folding case, ZWNJ, spaces and the hamza carriers is what remains."""
    expr: Any = Concat(F(first), F(last))
    for old, new in ((ZWNJ, ""), (" ", ""), ("ؤ", "و"), ("ئ", "ی"), ("آ", "ا"), ("ء", "")):
        expr = Replace(expr, Value(old), Value(new))
    return Lower(expr)


def member_search(qs: QuerySet[Membership], q: str) -> QuerySet[Membership]:
    """Filter memberships by name (either order, search keys) or national/register number."""
    text = normalize(q)
    if not text:
        return qs
    digits = to_latin_digits(text).replace(" ", "")
    if digits.isdigit():
        # A short number is a register number; from four digits on it may also begin a
        # national ID (a shorter prefix would match half the register).
        match = Q(register_number=int(digits)) if len(digits) <= 9 else Q(pk__in=[])
        if len(digits) >= 4:
            match |= Q(person__national_id__startswith=digits)
        return qs.filter(match)
    key = search_key(text)
    return qs.annotate(
        _first_last=_name_key("person__first_name", "person__last_name"),
        _last_first=_name_key("person__last_name", "person__first_name"),
    ).filter(Q(_first_last__contains=key) | Q(_last_first__contains=key))


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


def profile_of(cooperative: Cooperative) -> RuleProfile | None:
    if cooperative.rule_profile is not None:
        return cooperative.rule_profile
    try:
        return rule_profile_for(kind=cooperative.kind, sector=cooperative.sector)
    except ApplicationError:  # no profile at all: show the figures without the rule
        return None


def cooperative_overview(cooperative: Cooperative) -> Overview:
    counts = Membership.objects.filter(cooperative=cooperative).aggregate(
        members=Count("pk", filter=Q(status=MembershipStatus.MEMBER)),
        exited=Count("pk", filter=~Q(status=MembershipStatus.MEMBER)),
    )
    totals = cooperative_totals(cooperative.pk)
    profile = profile_of(cooperative)
    share = Fraction(totals.paid, totals.subscribed) if totals.subscribed else Fraction(0)
    return Overview(
        member_count=counts["members"],
        exited_count=counts["exited"],
        totals=totals,
        paid_share=share,
        min_paid_share=profile.min_paid_share if profile else Fraction(1, 3),
        max_member_share=profile.max_member_share if profile else Fraction(3, 10),
        max_members=profile.max_members if profile else None,
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


def status_history(cooperative: Cooperative) -> QuerySet[CooperativeStatusChange]:
    return cooperative.status_changes.select_related("actor").order_by("-changed_at", "-id")


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
