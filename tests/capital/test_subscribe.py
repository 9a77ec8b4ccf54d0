"""capital_subscribe: the per-member cap, positive whole numbers, active members only."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from taavon.capital.services import MAX_AMOUNT, Subscription, capital_subscribe
from taavon.core.errors import ApplicationError
from taavon.core.permissions import SYSTEM
from taavon.registry.models import CooperativeStatus
from taavon.registry.services.members import membership_exit
from tests.factories import CooperativeFactory

from .builders import DAY, admit, balance, entry_count, share_class, subscribe
from .conftest import LedgerCoop


def test_subscription_adds_shares_and_subscribed_capital(ledger: LedgerCoop) -> None:
    member = ledger.members[0]

    entry = subscribe(member, ledger.klass, 2)

    assert entry.seq == 6
    assert (entry.shares_delta, entry.subscribed_delta, entry.paid_delta) == (2, 2_000_000, 0)
    assert balance(member, ledger.klass).subscribed == 12_000_000


@pytest.mark.parametrize("shares", [0, -3, 1.5, "10", "1.5", True, None])
def test_shares_must_be_a_positive_whole_number(ledger: LedgerCoop, shares: Any) -> None:
    before = entry_count(ledger.coop)

    with pytest.raises(ApplicationError) as exc:
        subscribe(ledger.members[0], ledger.klass, shares)

    assert exc.value.code == "invalid"
    assert "shares" in exc.value.fields
    assert entry_count(ledger.coop) == before


def test_member_over_the_cap_is_refused_and_nothing_changes(ledger: LedgerCoop) -> None:
    # 10 of 50 shares (20%); 10 more would be 20 of 60 (33%) > 30%.
    before = entry_count(ledger.coop)

    with pytest.raises(ApplicationError) as exc:
        subscribe(ledger.members[0], ledger.klass, 10)

    assert exc.value.code == "over_cap"
    assert "۳۰" in exc.value.message or "30" in exc.value.message
    assert exc.value.extra["register_number"] == ledger.members[0].register_number
    assert entry_count(ledger.coop) == before


def test_cap_is_checked_on_the_final_state_of_a_batch(ledger: LedgerCoop) -> None:
    # Alone, 8 more shares for member 0 is 18/58 = 31%; with 4 for each of the others it is
    # 18/74 = 24%, so the batch is accepted.
    first, *others = ledger.members
    items = [Subscription(first, ledger.klass, 8)] + [
        Subscription(m, ledger.klass, 4) for m in others
    ]

    entries = capital_subscribe(
        actor=SYSTEM, cooperative_id=ledger.coop.pk, items=items, effective_on=DAY
    )

    assert [e.seq for e in entries] == [6, 7, 8, 9, 10]


def test_lone_first_member_is_over_any_cap_below_100_percent(coop_dorud) -> None:
    klass = share_class(coop_dorud)
    (member,) = admit(coop_dorud, 1)

    with pytest.raises(ApplicationError) as exc:
        subscribe(member, klass, 1)

    assert exc.value.code == "over_cap"


def test_exited_member_cannot_subscribe(ledger: LedgerCoop) -> None:
    member = ledger.members[0]
    membership_exit(actor=SYSTEM, membership_id=member.pk, status="resigned", exit_date=DAY)

    with pytest.raises(ApplicationError) as exc:
        subscribe(member, ledger.klass, 1)  # the object still says "member": re-read it

    assert exc.value.code == "not_member"


def test_member_of_another_cooperative_is_refused(ledger: LedgerCoop) -> None:
    other = CooperativeFactory()
    (stranger,) = admit(other, 1)

    with pytest.raises(ApplicationError) as exc:
        capital_subscribe(
            actor=SYSTEM,
            cooperative_id=ledger.coop.pk,
            effective_on=DAY,
            items=[Subscription(stranger, ledger.klass, 1)],
        )

    assert exc.value.code == "not_member"


def test_share_class_of_another_cooperative_is_refused(ledger: LedgerCoop) -> None:
    foreign = share_class(CooperativeFactory())

    with pytest.raises(ApplicationError):
        subscribe(ledger.members[0], foreign, 1)


def test_amount_beyond_the_storable_range_is_refused(ledger: LedgerCoop) -> None:
    with pytest.raises(ApplicationError) as exc:
        subscribe(ledger.members[0], ledger.klass, MAX_AMOUNT)  # × 1,000,000 rials

    assert exc.value.code == "invalid"


def test_empty_batch_is_refused(ledger: LedgerCoop) -> None:
    with pytest.raises(ApplicationError):
        capital_subscribe(actor=SYSTEM, cooperative_id=ledger.coop.pk, items=[], effective_on=DAY)


@pytest.mark.parametrize(
    "status",
    [CooperativeStatus.LIQUIDATION, CooperativeStatus.DISSOLVED, CooperativeStatus.INACTIVE],
)
def test_closed_cooperative_takes_no_postings(ledger: LedgerCoop, status: str) -> None:
    ledger.coop.status = status
    ledger.coop.save(update_fields=["status"])

    with pytest.raises(ApplicationError) as exc:
        subscribe(ledger.members[0], ledger.klass, 1)

    assert exc.value.code == "cooperative_closed"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fa",
            ("عضو شمارهٔ ۱:", "(۲۰٬۰۰۰٬۰۰۰ ریال) از سقف ۳۰ درصد سرمایهٔ تعاونی (۶۰٬۰۰۰٬۰۰۰ ریال)"),
        ),
        ("en", ("Member no. 1:", "(20,000,000 rials) would exceed the cap of 30 percent")),
    ],
)
def test_the_cap_message_has_the_language_s_digits(
    ledger: LedgerCoop, language: str, expected: tuple[str, str]
) -> None:
    with translation.override(language), pytest.raises(ApplicationError) as exc:
        subscribe(ledger.members[0], ledger.klass, 10)

    assert all(part in exc.value.message for part in expected), exc.value.message
