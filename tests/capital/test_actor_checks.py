"""Every capital service checks its actor itself, under the cooperative's lock: somebody who
may not manage the cooperative (an officer of another county, a member, a manager of another
cooperative, nobody at all) is told it is not found, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from taavon.accounts.models import Role, User
from taavon.audit.models import AuditEvent
from taavon.capital.models import LedgerEntry, ShareClass
from taavon.capital.services import (
    Payment,
    Subscription,
    capital_pay,
    capital_pay_batch,
    capital_reverse,
    capital_subscribe,
    capital_transfer,
    share_class_create,
)
from taavon.core.errors import NotFoundError

from .builders import DAY, pay
from .conftest import LedgerCoop

pytestmark = pytest.mark.django_db


def calls(ledger: LedgerCoop) -> dict[str, Callable[[Any], object]]:
    first, second, third = ledger.members[:3]
    klass = ledger.klass
    entry = LedgerEntry.objects.filter(cooperative=ledger.coop).order_by("-seq").first()
    assert entry is not None
    return {
        "capital_subscribe": lambda actor: capital_subscribe(
            actor=actor,
            cooperative_id=ledger.coop.pk,
            items=[Subscription(first, klass, 1)],
            effective_on=DAY,
        ),
        "capital_pay": lambda actor: capital_pay(
            actor=actor, membership=second, share_class=klass, amount=1_000, effective_on=DAY
        ),
        "capital_pay_batch": lambda actor: capital_pay_batch(
            actor=actor,
            cooperative_id=ledger.coop.pk,
            items=[Payment(second, klass, 1_000), Payment(third, klass, 1_000)],
            effective_on=DAY,
        ),
        "capital_transfer": lambda actor: capital_transfer(
            actor=actor,
            source=first,
            target=second,
            share_class=klass,
            shares=1,
            board_approval="مصوبهٔ ۱",
            effective_on=DAY,
        ),
        "capital_reverse": lambda actor: capital_reverse(
            actor=actor, entry_id=entry.pk, reason="اشتباه"
        ),
        "share_class_create": lambda actor: share_class_create(
            actor=actor, cooperative_id=ledger.coop.pk, code="B", name="ممتاز", nominal_value=10
        ),
    }


NAMES = [
    "capital_subscribe",
    "capital_pay",
    "capital_pay_batch",
    "capital_transfer",
    "capital_reverse",
    "share_class_create",
]


def footprint() -> tuple[int, int, int]:
    return LedgerEntry.objects.count(), ShareClass.objects.count(), AuditEvent.objects.count()


@pytest.mark.parametrize("service", NAMES)
def test_a_wrong_actor_is_refused_and_nothing_is_written(
    ledger: LedgerCoop, outsiders: dict[str, Any], service: str
) -> None:
    pay(ledger.members[0], ledger.klass, 2_000_000)  # something to pay, transfer and reverse
    call = calls(ledger)[service]
    before = footprint()
    for who, actor in outsiders.items():
        with pytest.raises(NotFoundError):
            call(actor)
        assert footprint() == before, who


@pytest.mark.parametrize("service", NAMES)
def test_the_cooperatives_manager_and_its_office_may(
    ledger: LedgerCoop,
    coop_manager: User,
    make_user: Callable[..., User],
    service: str,
) -> None:
    from taavon.registry.models import Cooperative

    pay(ledger.members[0], ledger.klass, 10_000_000)
    office = make_user(
        Role.COUNTY_OFFICER, county=Cooperative.objects.get(pk=ledger.coop.pk).county
    )
    call = calls(ledger)[service]
    before = footprint()
    call(coop_manager if service != "capital_reverse" else office)
    assert footprint() != before
