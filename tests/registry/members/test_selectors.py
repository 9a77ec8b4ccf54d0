"""The register's reads (registry.selectors.management): the member list the page and the API
share, one member, a member by register number, the register's size, the counties and the
sample of cooperatives a user manages. Outsiders (an officer of another county, a manager of
another cooperative, a plain member, nobody) get nothing, or "not found"."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser

from taavon.accounts.models import Role, User
from taavon.core.errors import NotFoundError
from taavon.core.permissions import SYSTEM, AnyUser
from taavon.geo.models import County
from taavon.registry.models import Cooperative, Membership
from taavon.registry.selectors.management import (
    MemberStatusFilter,
    managed_cooperative_sample,
    managed_county_choices,
    member_by_number,
    member_get,
    member_list,
    register_size,
)
from taavon.registry.services.members import membership_exit
from tests.capital.builders import DAY, admit
from tests.factories import CooperativeFactory

from .conftest import LedgerCoop

pytestmark = pytest.mark.django_db


def _exit(member: Membership) -> None:
    membership_exit(actor=SYSTEM, membership_id=member.pk, status="resigned", exit_date=DAY)


def test_member_list_filters_by_status_in_register_order(
    ledger: LedgerCoop, coop_manager: User
) -> None:
    first, second, *rest = ledger.members
    _exit(second)

    def numbers(status: MemberStatusFilter, q: str = "") -> list[int]:
        found = member_list(user=coop_manager, cooperative=ledger.coop, q=q, status=status)
        return [m.register_number for m in found]

    assert numbers("member") == [1, 3, 4, 5]
    assert numbers("exited") == [2]
    assert numbers("all") == [1, 2, 3, 4, 5]
    assert numbers("all", q="۳") == [3]
    assert numbers("member", q=first.person.national_id) == [1]


def test_member_list_is_empty_for_outsiders(
    ledger: LedgerCoop, outside_readers: dict[str, AnyUser]
) -> None:
    for who, user in outside_readers.items():
        assert list(member_list(user=user, cooperative=ledger.coop, status="all")) == [], who


def test_member_get_answers_not_found_for_outsiders_and_other_registers(
    ledger: LedgerCoop,
    coop_manager: User,
    outside_readers: dict[str, AnyUser],
    coop_khorramabad: Cooperative,
) -> None:
    member = ledger.members[0]
    assert member_get(coop_manager, ledger.coop, member.pk) == member
    assert member_get(SYSTEM, ledger.coop, member.pk) == member
    (stranger,) = admit(coop_khorramabad, 1, start=500)
    for who, user in {**outside_readers, "manager": coop_manager}.items():
        for pk in (stranger.pk, 999_999, "x"):
            with pytest.raises(NotFoundError):
                member_get(user, ledger.coop, pk)
        if who != "manager":
            with pytest.raises(NotFoundError):
                member_get(user, ledger.coop, member.pk)


def test_member_by_number_current_only_when_asked(ledger: LedgerCoop, coop_manager: User) -> None:
    second = ledger.members[1]
    _exit(second)

    found = member_by_number(coop_manager, ledger.coop, 2)
    assert found == second
    assert found is not None and found.person.national_id == second.person.national_id
    assert member_by_number(coop_manager, ledger.coop, 2, current=True) is None
    assert member_by_number(coop_manager, ledger.coop, 99) is None


def test_member_by_number_finds_nothing_for_outsiders(
    ledger: LedgerCoop, outside_readers: dict[str, AnyUser]
) -> None:
    for who, user in outside_readers.items():
        assert member_by_number(user, ledger.coop, 1) is None, who


def test_register_size_counts_ended_memberships_for_managers_only(
    ledger: LedgerCoop, coop_manager: User, outside_readers: dict[str, AnyUser]
) -> None:
    _exit(ledger.members[0])
    assert register_size(coop_manager, ledger.coop) == 5
    for who, user in outside_readers.items():
        assert register_size(user, ledger.coop) == 0, who


def test_county_choices_are_those_holding_a_managed_cooperative(
    make_user: Callable[..., User],
    lorestan,
    dorud: County,
    khorramabad: County,
    coop_dorud: Cooperative,
    coop_khorramabad: Cooperative,
) -> None:
    provincial = make_user(Role.PROVINCIAL_OFFICER, province=lorestan)
    coop_manager = make_user(Role.COOP_MANAGER, cooperative_id=coop_dorud.pk)

    assert managed_county_choices(provincial) == sorted(
        [(dorud.pk, dorud.name_fa), (khorramabad.pk, khorramabad.name_fa)], key=lambda c: c[1]
    )
    assert managed_county_choices(coop_manager) == [(dorud.pk, dorud.name_fa)]
    assert managed_county_choices(make_user(Role.MEMBER)) == []
    assert managed_county_choices(AnonymousUser()) == []


def test_the_dashboard_sample_is_the_scope_by_name_with_its_count(
    make_user: Callable[..., User], dorud: County, khorramabad: County
) -> None:
    names = ["تعاونی ج", "تعاونی الف", "تعاونی ب"]
    for name in names:
        CooperativeFactory(name=name, county=dorud)
    elsewhere = CooperativeFactory(name="تعاونی د", county=khorramabad)
    officer = make_user(Role.COUNTY_OFFICER, county=dorud)
    coop_manager = make_user(Role.COOP_MANAGER, cooperative_id=elsewhere.pk)

    sample = managed_cooperative_sample(officer, shown=2)
    assert [c.name for c in sample.cooperatives] == sorted(names)[:2]
    assert sample.count == 3
    assert managed_cooperative_sample(coop_manager).cooperatives == [elsewhere]
    # Public cooperatives are everybody's to view, not a member's to manage.
    nobody = managed_cooperative_sample(make_user(Role.MEMBER))
    assert (nobody.cooperatives, nobody.count) == ([], 0)
