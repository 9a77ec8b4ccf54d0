"""Reads for the people who run a cooperative: its manager and the officers over it.

Every entry point takes the acting user and answers "not found" both for a cooperative that
does not exist and for one outside the user's scope, so the web views and the API share one
access rule: get_visible_or_404 + require(user, "manage", cooperative). The cooperative's
capital figures are read in `taavon.capital.selectors`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Concat, Lower, Replace

from taavon.core.errors import NotFoundError
from taavon.core.permissions import AnyUser, can, get_visible_or_404, require, scope_of, visible
from taavon.geo.models import County
from taavon.persian.text import ZWNJ, normalize, search_key, to_latin_digits

from ..models import (
    Cooperative,
    CooperativeStatus,
    CooperativeStatusChange,
    Membership,
    MembershipStatus,
)
from ..policies import managed_cooperatives
from ..workflow import office_transitions


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
    """Status changes are the office's (the policy's `officer:` actions)."""
    return can(user, "officer:status", cooperative)


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


def managed_county_choices(user: AnyUser) -> list[tuple[int, str]]:
    """Counties holding a cooperative the user manages, by name: the list page's filter."""
    coops = managed_cooperatives(scope_of(user), Cooperative.objects.all())
    counties = County.objects.filter(pk__in=coops.values("county_id")).order_by("name_fa")
    return list(counties.values_list("pk", "name_fa"))


@dataclass(frozen=True)
class ManagedSample:
    """The first few cooperatives a user's roles reach, and how many there are in all."""

    cooperatives: list[Cooperative]
    count: int


def managed_cooperative_sample(user: AnyUser, *, shown: int = 20) -> ManagedSample:
    """For the dashboard: cooperatives of the user's office or the ones they manage, by name
    (not the public ones everybody sees); nothing for a user with neither."""
    scope = scope_of(user)
    if not (scope.is_officer or scope.cooperative_ids):
        return ManagedSample([], 0)
    qs = managed_cooperatives(scope, visible(user, Cooperative)).select_related("county")
    return ManagedSample(list(qs.order_by("name")[:shown]), qs.count())


# --- the member register -------------------------------------------------------------------

MemberStatusFilter = Literal["member", "exited", "all"]


def _memberships(user: AnyUser, cooperative: Cooperative) -> QuerySet[Membership]:
    """The cooperative's memberships the user may see, each with its person (and the
    cooperative itself, already fetched, as `membership.cooperative`)."""
    return visible(user, cooperative.memberships.select_related("person"))


def member_list(
    *,
    user: AnyUser,
    cooperative: Cooperative,
    q: str = "",
    status: MemberStatusFilter = "member",
) -> QuerySet[Membership]:
    """The register as its managers search it, in register order: current members
    (`member`), those who left (`exited`) or `all`, matching `q` (see `member_search`).
    The members page and the API's member list both read through here."""
    qs = _memberships(user, cooperative)
    if status == "member":
        qs = qs.filter(status=MembershipStatus.MEMBER)
    elif status == "exited":
        qs = qs.exclude(status=MembershipStatus.MEMBER)
    return member_search(qs, q).order_by("register_number")


def member_get(user: AnyUser, cooperative: Cooperative, member_id: object) -> Membership:
    """One membership of the cooperative; NotFoundError alike for a missing one, another
    cooperative's and one outside the user's scope."""
    return get_visible_or_404(user, _memberships(user, cooperative), pk=member_id)


def member_by_number(
    user: AnyUser, cooperative: Cooperative, register_number: int, *, current: bool = False
) -> Membership | None:
    """The membership with this register number (only a current member's if `current`)."""
    qs = _memberships(user, cooperative).filter(register_number=register_number)
    if current:
        qs = qs.filter(status=MembershipStatus.MEMBER)
    return qs.first()


def register_size(user: AnyUser, cooperative: Cooperative) -> int:
    """Rows of the member register: every membership, current or ended."""
    return visible(user, cooperative.memberships.all()).count()


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


def status_history(cooperative: Cooperative) -> QuerySet[CooperativeStatusChange]:
    return cooperative.status_changes.select_related("actor").order_by("-at", "-id")


def office_status_targets(cooperative: Cooperative) -> list[tuple[str, str]]:
    """The statuses the office may move the cooperative to now, as (code, label) choices."""
    return [
        (row.target, str(CooperativeStatus(row.target).label))
        for row in office_transitions(cooperative.status)
    ]
