"""Capital reads for those who run a cooperative (capital.selectors.management): share classes,
a member's capital, the ledger with its filters, one entry, posted entries read again and the
dashboard. Outsiders get nothing, or "not found"."""

from __future__ import annotations

import pytest

from taavon.accounts.models import User
from taavon.capital.models import EntryKind, LedgerEntry
from taavon.capital.selectors import Balance
from taavon.capital.selectors.management import (
    cooperative_dashboard,
    ledger_entries_by_id,
    ledger_entry_get,
    ledger_entry_list,
    member_capital,
    members_with_outstanding,
    members_without_capital,
    share_class_get,
    share_class_list,
)
from taavon.core.errors import NotFoundError
from taavon.core.permissions import AnyUser
from taavon.registry.models import Cooperative

from .builders import NOMINAL, admit, pay, share_class, subscribe, subscribe_all
from .conftest import LedgerCoop

pytestmark = pytest.mark.django_db


def _seqs(entries) -> list[int]:
    return [e.seq for e in entries]


def test_share_classes_by_code_for_managers_only(
    ledger: LedgerCoop, coop_manager: User, outside_readers: dict[str, AnyUser]
) -> None:
    b = share_class(ledger.coop, code="B")
    assert list(share_class_list(coop_manager, ledger.coop)) == [ledger.klass, b]
    assert share_class_get(coop_manager, ledger.coop, b.pk) == b
    for who, user in outside_readers.items():
        assert list(share_class_list(user, ledger.coop)) == [], who
        with pytest.raises(NotFoundError):
            share_class_get(user, ledger.coop, b.pk)


def test_a_share_class_of_another_cooperative_is_not_found(
    ledger: LedgerCoop, coop_manager: User, coop_khorramabad: Cooperative
) -> None:
    other = share_class(coop_khorramabad)
    with pytest.raises(NotFoundError):
        share_class_get(coop_manager, ledger.coop, other.pk)


def test_member_capital_per_class_and_in_all(ledger: LedgerCoop, coop_manager: User) -> None:
    member = ledger.members[0]
    b = share_class(ledger.coop, code="B", nominal=500_000)
    subscribe(member, b, 2)
    pay(member, ledger.klass, NOMINAL)

    capital = member_capital(coop_manager, ledger.coop, member)

    assert capital.balances == [
        (ledger.klass, Balance(10, 10 * NOMINAL, NOMINAL)),
        (b, Balance(2, 1_000_000, 0)),
    ]
    assert capital.total == Balance(12, 10 * NOMINAL + 1_000_000, NOMINAL)
    assert capital.has_classes


def test_member_capital_is_not_found_for_outsiders(
    ledger: LedgerCoop, outside_readers: dict[str, AnyUser]
) -> None:
    for user in outside_readers.values():
        with pytest.raises(NotFoundError):
            member_capital(user, ledger.coop, ledger.members[0])


def test_the_ledger_filters_and_orders(ledger: LedgerCoop, coop_manager: User) -> None:
    first, second = ledger.members[:2]
    payment = pay(second, ledger.klass, NOMINAL)

    assert _seqs(ledger_entry_list(coop_manager, ledger.coop)) == [6, 5, 4, 3, 2, 1]
    assert _seqs(ledger_entry_list(coop_manager, ledger.coop, oldest_first=True)) == [
        1,
        2,
        3,
        4,
        5,
        6,
    ]
    assert _seqs(ledger_entry_list(coop_manager, ledger.coop, kind=EntryKind.PAYMENT)) == [
        payment.seq
    ]
    assert _seqs(ledger_entry_list(coop_manager, ledger.coop, kind="nonsense")) == []
    by_number = ledger_entry_list(coop_manager, ledger.coop, register_number=second.register_number)
    by_id = ledger_entry_list(coop_manager, ledger.coop, membership_id=second.pk)
    assert _seqs(by_number) == _seqs(by_id) == [6, 2]
    assert _seqs(ledger_entry_list(coop_manager, ledger.coop, seq=3)) == [3]
    after = ledger_entry_list(coop_manager, ledger.coop, after_seq=4, oldest_first=True)
    assert _seqs(after) == [5, 6]
    assert _seqs(ledger_entry_list(coop_manager, ledger.coop, membership_id=first.pk, seq=2)) == []


def test_the_ledger_is_empty_and_its_entries_not_found_for_outsiders(
    ledger: LedgerCoop, outside_readers: dict[str, AnyUser]
) -> None:
    entry = LedgerEntry.objects.filter(cooperative=ledger.coop).first()
    assert entry is not None
    for who, user in outside_readers.items():
        assert list(ledger_entry_list(user, ledger.coop)) == [], who
        assert ledger_entries_by_id(user, ledger.coop, [entry.pk]) == [], who
        with pytest.raises(NotFoundError):
            ledger_entry_get(user, ledger.coop, entry.pk)


def test_an_entry_of_another_cooperative_is_not_found(
    ledger: LedgerCoop, coop_manager: User, coop_khorramabad: Cooperative
) -> None:
    klass = share_class(coop_khorramabad)
    other, *_ = subscribe_all(coop_khorramabad, admit(coop_khorramabad, 4, start=700), klass)

    with pytest.raises(NotFoundError):
        ledger_entry_get(coop_manager, ledger.coop, other.pk)
    assert ledger_entries_by_id(coop_manager, ledger.coop, [other.pk]) == []


def test_posted_entries_are_read_again_in_sequence_order(
    ledger: LedgerCoop, coop_manager: User
) -> None:
    entries = list(LedgerEntry.objects.filter(cooperative=ledger.coop).order_by("-seq")[:3])

    again = ledger_entries_by_id(coop_manager, ledger.coop, [e.pk for e in entries])

    assert _seqs(again) == [3, 4, 5]


def test_the_dashboard_figures(ledger: LedgerCoop, coop_manager: User) -> None:
    first, second, third, *_ = ledger.members
    pay(first, ledger.klass, 10 * NOMINAL)  # paid up: owes nothing
    pay(second, ledger.klass, NOMINAL)  # owes the most after the unpaid ones
    (newcomer,) = admit(ledger.coop, 1, start=600)  # holds nothing

    figures = cooperative_dashboard(coop_manager, ledger.coop, debtors_shown=2, entries_shown=3)

    assert figures.overview.member_count == 6
    assert [m.register_number for m in figures.outstanding] == [3, 4]
    assert figures.outstanding_count == 4
    assert figures.without_capital_count == 1
    assert list(members_without_capital(coop_manager, ledger.coop)) == [newcomer]
    assert figures.share_class_count == 1
    assert _seqs(figures.entries) == [7, 6, 5]
    assert third in members_with_outstanding(coop_manager, ledger.coop)


def test_the_dashboard_is_not_found_for_outsiders_and_its_lists_are_empty(
    ledger: LedgerCoop, outside_readers: dict[str, AnyUser]
) -> None:
    for who, user in outside_readers.items():
        with pytest.raises(NotFoundError):
            cooperative_dashboard(user, ledger.coop)
        assert list(members_with_outstanding(user, ledger.coop)) == [], who
        assert list(members_without_capital(user, ledger.coop)) == [], who
