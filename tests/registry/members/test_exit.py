"""membership_exit: resignation, expulsion or death returns the member's capital through the
ledger (redemption entries), once."""

from __future__ import annotations

import datetime

import pytest

from taavon.capital.models import EntryKind, LedgerEntry
from taavon.capital.selectors import member_totals
from taavon.core.errors import ApplicationError
from taavon.core.permissions import SYSTEM
from taavon.registry.models import MembershipStatus
from taavon.registry.services.members import membership_exit
from tests.capital.builders import DAY, balance, pay, share_class, subscribe

from .conftest import LedgerCoop


def _exit(member, status: str = "resigned", day: datetime.date = DAY, reason: str = "استعفا"):
    return membership_exit(
        actor=SYSTEM, membership_id=member.pk, status=status, exit_date=day, reason=reason
    )


@pytest.mark.parametrize("status", ["resigned", "expelled", "deceased"])
def test_exit_returns_all_capital_through_redemption_entries(ledger: LedgerCoop, status) -> None:
    member = ledger.members[0]
    pay(member, ledger.klass, 4_000_000)

    exited = _exit(member, status)

    assert exited.status == status
    assert exited.exit_date == DAY
    (redemption,) = LedgerEntry.objects.filter(membership=member, kind=EntryKind.REDEMPTION)
    assert (redemption.shares_delta, redemption.subscribed_delta, redemption.paid_delta) == (
        -10,
        -10_000_000,
        -4_000_000,
    )
    b = balance(member, ledger.klass)
    assert (b.shares, b.subscribed, b.paid) == (0, 0, 0)


def test_exit_redeems_every_share_class(ledger: LedgerCoop) -> None:
    member = ledger.members[0]
    premium = share_class(ledger.coop, nominal=500_000, code="B")
    subscribe(member, premium, 2)

    _exit(member)

    redemptions = LedgerEntry.objects.filter(membership=member, kind=EntryKind.REDEMPTION)
    assert redemptions.count() == 2
    assert member_totals(ledger.coop.pk, [member.pk])[member.pk].subscribed == 0


def test_exit_of_a_member_without_capital_posts_nothing(coop_dorud) -> None:
    from tests.capital.builders import admit

    (member,) = admit(coop_dorud, 1)

    _exit(member)

    assert not LedgerEntry.objects.filter(membership=member).exists()


def test_exiting_twice_is_refused(ledger: LedgerCoop) -> None:
    _exit(ledger.members[0])

    with pytest.raises(ApplicationError) as exc:
        _exit(ledger.members[0])

    assert exc.value.code == "not_member"
    assert LedgerEntry.objects.filter(kind=EntryKind.REDEMPTION).count() == 1


def test_exit_before_joining_is_refused(ledger: LedgerCoop) -> None:
    with pytest.raises(ApplicationError) as exc:
        _exit(ledger.members[0], day=DAY - datetime.timedelta(days=1))

    assert "exit_date" in exc.value.fields
    ledger.members[0].refresh_from_db()
    assert ledger.members[0].status == MembershipStatus.MEMBER


@pytest.mark.parametrize("status", ["member", "retired", ""])
def test_unknown_exit_kind_is_refused(ledger: LedgerCoop, status) -> None:
    with pytest.raises(ApplicationError) as exc:
        _exit(ledger.members[0], status)

    assert "status" in exc.value.fields
