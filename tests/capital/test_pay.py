"""capital_pay: instalments against a subscription, never more than is outstanding."""

from __future__ import annotations

from typing import Any

import pytest

from taavon.capital.services import capital_pay
from taavon.core.errors import ApplicationError
from taavon.core.permissions import SYSTEM

from .builders import DAY, admit, balance, entry_count, pay
from .conftest import LedgerCoop


def test_instalments_reduce_the_outstanding_balance(ledger: LedgerCoop) -> None:
    member = ledger.members[0]

    pay(member, ledger.klass, 4_000_000)
    pay(member, ledger.klass, 6_000_000)

    assert balance(member, ledger.klass).paid == 10_000_000
    assert balance(member, ledger.klass).outstanding == 0


def test_paying_more_than_subscribed_is_refused(ledger: LedgerCoop) -> None:
    member = ledger.members[0]
    pay(member, ledger.klass, 9_000_000)
    before = entry_count(ledger.coop)

    with pytest.raises(ApplicationError) as exc:
        pay(member, ledger.klass, 1_000_001)

    assert exc.value.code == "overpay"
    assert exc.value.extra["outstanding"] == 1_000_000
    assert "۱٬۰۰۰٬۰۰۰" in exc.value.message  # the amount is written the Persian way
    assert entry_count(ledger.coop) == before


def test_paying_without_a_subscription_is_refused(ledger: LedgerCoop) -> None:
    (newcomer,) = admit(ledger.coop, 1, start=100)

    with pytest.raises(ApplicationError) as exc:
        pay(newcomer, ledger.klass, 1)

    assert exc.value.code == "overpay"


@pytest.mark.parametrize("amount", [0, -1_000, 1.5, 1000.0, "1000", "1.5", False])
def test_amount_must_be_a_positive_whole_number_of_rials(ledger: LedgerCoop, amount: Any) -> None:
    before = entry_count(ledger.coop)

    with pytest.raises(ApplicationError) as exc:
        capital_pay(
            actor=SYSTEM,
            membership=ledger.members[0],
            share_class=ledger.klass,
            amount=amount,
            effective_on=DAY,
        )

    assert exc.value.code == "invalid"
    assert entry_count(ledger.coop) == before
