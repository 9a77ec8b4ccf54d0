"""capital_reverse: corrections are mirror entries; no reversal of a reversal, none twice,
none that leaves a balance invalid."""

from __future__ import annotations

import pytest

from taavon.capital.models import EntryKind, LedgerEntry
from taavon.capital.services import capital_reverse, capital_transfer
from taavon.core.errors import ApplicationError
from taavon.core.permissions import SYSTEM
from taavon.registry.services.members import membership_exit

from .builders import DAY, balance, entry_count, pay, subscribe
from .conftest import LedgerCoop


def _reverse(entry: LedgerEntry, reason: str = "ثبت اشتباه") -> list[LedgerEntry]:
    return capital_reverse(actor=SYSTEM, entry_id=entry.pk, reason=reason)


def test_reversal_mirrors_the_entry_and_restores_the_balance(ledger: LedgerCoop) -> None:
    member = ledger.members[0]
    entry = pay(member, ledger.klass, 3_000_000)

    (reversal,) = _reverse(entry)

    assert reversal.kind == EntryKind.REVERSAL
    assert reversal.reverses_id == entry.pk
    assert reversal.paid_delta == -3_000_000
    assert balance(member, ledger.klass).paid == 0
    assert LedgerEntry.objects.filter(pk=entry.pk).exists()  # the original stays


def test_reversal_of_a_reversal_is_refused(ledger: LedgerCoop) -> None:
    (reversal,) = _reverse(pay(ledger.members[0], ledger.klass, 1_000_000))
    before = entry_count(ledger.coop)

    with pytest.raises(ApplicationError) as exc:
        _reverse(reversal)

    assert exc.value.code == "reverse_reversal"
    assert entry_count(ledger.coop) == before


def test_reversing_twice_is_refused(ledger: LedgerCoop) -> None:
    entry = pay(ledger.members[0], ledger.klass, 1_000_000)
    _reverse(entry)

    with pytest.raises(ApplicationError) as exc:
        _reverse(entry)

    assert exc.value.code == "already_reversed"


def test_reversing_a_subscription_after_it_was_paid_is_refused(ledger: LedgerCoop) -> None:
    # Member 0 holds 10 shares all paid; reversing the subscription would leave paid > subscribed.
    pay(ledger.members[0], ledger.klass, 10_000_000)
    subscription = LedgerEntry.objects.get(cooperative=ledger.coop, seq=1)

    with pytest.raises(ApplicationError) as exc:
        _reverse(subscription)

    assert exc.value.code == "invalid_balance"


def test_reversing_an_unpaid_subscription_is_allowed(ledger: LedgerCoop) -> None:
    entry = subscribe(ledger.members[1], ledger.klass, 1)

    _reverse(entry)

    assert balance(ledger.members[1], ledger.klass).shares == 10


@pytest.mark.parametrize("reason", ["", "  ", "\u200c\u200c"])
def test_reason_is_required(ledger: LedgerCoop, reason: str) -> None:
    entry = pay(ledger.members[0], ledger.klass, 1_000_000)

    with pytest.raises(ApplicationError) as exc:
        _reverse(entry, reason)

    assert "reason" in exc.value.fields


def test_reversing_either_leg_of_a_transfer_reverses_both(ledger: LedgerCoop) -> None:
    pay(ledger.members[0], ledger.klass, 10_000_000)
    out, into = capital_transfer(
        actor=SYSTEM,
        source=ledger.members[0],
        target=ledger.members[1],
        share_class=ledger.klass,
        shares=2,
        board_approval="مصوبهٔ ۳",
        effective_on=DAY,
    )

    reversals = _reverse(into)

    assert sorted(r.reverses_id for r in reversals) == sorted([out.pk, into.pk])
    assert balance(ledger.members[0], ledger.klass).shares == 10
    assert balance(ledger.members[1], ledger.klass).shares == 10
    with pytest.raises(ApplicationError) as exc:
        _reverse(out)
    assert exc.value.code == "already_reversed"


def test_redemption_is_not_reversible(ledger: LedgerCoop) -> None:
    membership_exit(
        actor=SYSTEM, membership_id=ledger.members[0].pk, status="resigned", exit_date=DAY
    )
    redemption = LedgerEntry.objects.get(kind=EntryKind.REDEMPTION)

    with pytest.raises(ApplicationError) as exc:
        _reverse(redemption)

    assert exc.value.code == "not_reversible"


def test_an_exited_members_old_transfer_cannot_be_reversed(ledger: LedgerCoop) -> None:
    """Reversing it would hand shares back to someone whose capital was already returned."""
    pay(ledger.members[0], ledger.klass, 10_000_000)
    out, _into = capital_transfer(
        actor=SYSTEM,
        source=ledger.members[0],
        target=ledger.members[1],
        share_class=ledger.klass,
        shares=2,
        board_approval="مصوبهٔ ۳",
        effective_on=DAY,
    )
    membership_exit(
        actor=SYSTEM, membership_id=ledger.members[0].pk, status="resigned", exit_date=DAY
    )

    with pytest.raises(ApplicationError) as exc:
        _reverse(out)

    assert exc.value.code == "not_member"


def test_unknown_entry_is_refused(ledger: LedgerCoop) -> None:
    with pytest.raises(ApplicationError):
        capital_reverse(actor=SYSTEM, entry_id=999_999, reason="x")


@pytest.mark.parametrize("status", ["inactive", "liquidation", "dissolved"])
def test_a_closed_cooperative_takes_no_reversal(ledger: LedgerCoop, status: str) -> None:
    from taavon.registry.models import Cooperative

    entry = LedgerEntry.objects.filter(cooperative=ledger.coop).order_by("seq").first()
    assert entry is not None
    Cooperative.objects.filter(pk=ledger.coop.pk).update(status=status)
    count = LedgerEntry.objects.count()
    with pytest.raises(ApplicationError) as caught:
        _reverse(entry)
    assert caught.value.code == "cooperative_closed"
    assert LedgerEntry.objects.count() == count
