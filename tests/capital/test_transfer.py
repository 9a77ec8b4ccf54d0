"""capital_transfer: fully paid shares, within what is held, with the board's approval."""

from __future__ import annotations

import pytest

from taavon.capital.models import EntryKind
from taavon.capital.services import capital_transfer
from taavon.core.errors import ApplicationError
from taavon.core.permissions import SYSTEM
from taavon.persian.text import normalize
from taavon.registry.services.members import membership_exit

from .builders import DAY, admit, balance, entry_count, pay
from .conftest import LedgerCoop


def _transfer(
    ledger: LedgerCoop,
    shares: int,
    approval: str = "مصوبهٔ ۱۲ مورخ ۱۴۰۴/۰۷/۱۰",
    source: int = 0,
    target: int = 1,
):
    return capital_transfer(
        actor=SYSTEM,
        source=ledger.members[source],
        target=ledger.members[target],
        share_class=ledger.klass,
        shares=shares,
        board_approval=approval,
        effective_on=DAY,
    )


def test_transfer_moves_paid_shares_in_two_linked_entries(ledger: LedgerCoop) -> None:
    pay(ledger.members[0], ledger.klass, 5_000_000)

    out, into = _transfer(ledger, 3)

    assert (out.kind, into.kind) == (EntryKind.TRANSFER_OUT, EntryKind.TRANSFER_IN)
    assert into.counterpart_id == out.pk
    assert out.board_approval == into.board_approval == normalize("مصوبهٔ ۱۲ مورخ ۱۴۰۴/۰۷/۱۰")
    src, dst = balance(ledger.members[0], ledger.klass), balance(ledger.members[1], ledger.klass)
    assert (src.shares, src.subscribed, src.paid) == (7, 7_000_000, 2_000_000)
    assert (dst.shares, dst.subscribed, dst.paid) == (13, 13_000_000, 3_000_000)


@pytest.mark.parametrize("approval", ["", "   ", "\u200c"])
def test_transfer_without_board_approval_is_refused(ledger: LedgerCoop, approval: str) -> None:
    pay(ledger.members[0], ledger.klass, 10_000_000)
    before = entry_count(ledger.coop)

    with pytest.raises(ApplicationError) as exc:
        _transfer(ledger, 1, approval=approval)

    assert "board_approval" in exc.value.fields
    assert entry_count(ledger.coop) == before


def test_transferring_more_than_is_held_is_refused(ledger: LedgerCoop) -> None:
    pay(ledger.members[0], ledger.klass, 10_000_000)
    before = entry_count(ledger.coop)

    with pytest.raises(ApplicationError) as exc:
        _transfer(ledger, 11)

    assert exc.value.code == "over_held"
    assert entry_count(ledger.coop) == before  # nothing half-written


def test_unpaid_shares_cannot_be_transferred(ledger: LedgerCoop) -> None:
    pay(ledger.members[0], ledger.klass, 1_500_000)
    before = entry_count(ledger.coop)

    with pytest.raises(ApplicationError) as exc:
        _transfer(ledger, 2)

    assert exc.value.code == "unpaid"
    assert entry_count(ledger.coop) == before  # nothing half-written


def test_transfer_that_puts_the_receiver_over_the_cap_is_refused(ledger: LedgerCoop) -> None:
    pay(ledger.members[0], ledger.klass, 10_000_000)
    before = entry_count(ledger.coop)

    with pytest.raises(ApplicationError) as exc:
        _transfer(ledger, 6)  # receiver 16/50 = 32% > 30%

    assert exc.value.code == "over_cap"
    assert entry_count(ledger.coop) == before  # nothing half-written


def test_transfer_to_oneself_is_refused(ledger: LedgerCoop) -> None:
    pay(ledger.members[0], ledger.klass, 10_000_000)

    with pytest.raises(ApplicationError):
        _transfer(ledger, 1, target=0)


def test_transfer_to_an_exited_member_is_refused(ledger: LedgerCoop) -> None:
    pay(ledger.members[0], ledger.klass, 10_000_000)
    membership_exit(
        actor=SYSTEM, membership_id=ledger.members[1].pk, status="resigned", exit_date=DAY
    )

    with pytest.raises(ApplicationError) as exc:
        _transfer(ledger, 1)

    assert exc.value.code == "not_member"


def test_transfer_to_a_new_member_without_shares(ledger: LedgerCoop) -> None:
    pay(ledger.members[0], ledger.klass, 10_000_000)
    (newcomer,) = admit(ledger.coop, 1, start=100)
    ledger.members.append(newcomer)

    _transfer(ledger, 2, target=5)

    assert balance(newcomer, ledger.klass).paid == 2_000_000
