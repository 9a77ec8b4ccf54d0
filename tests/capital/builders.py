"""Ledger test data built through the real services (admission, share classes, postings)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from taavon.capital.models import LedgerEntry, ShareClass
from taavon.capital.selectors import ZERO, Balance, member_balances
from taavon.capital.services import Subscription, capital_pay, capital_subscribe, share_class_create
from taavon.core.permissions import SYSTEM
from taavon.registry.models import Cooperative, Membership
from taavon.registry.services.members import membership_admit
from taavon.registry.services.people import PersonData
from tests.factories import national_id

DAY = datetime.date(2025, 10, 11)  # 1404/07/19
NOMINAL = 1_000_000


LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"


def letters(serial: int) -> str:
    """A serial spelt in Persian letters (names hold no digits): 0 → «ا», 33 → «با»."""
    text = ""
    while True:
        serial, rest = divmod(serial, len(LETTERS))
        text = LETTERS[rest] + text
        if not serial:
            return text


def person(serial: int, first: str = "مریم", last: str | None = None) -> PersonData:
    """A person with a valid national ID; serials above 50_000 keep clear of user factories."""
    return PersonData(
        national_id=national_id(50_000 + serial),
        first_name=first,
        last_name=last or f"عضو {letters(serial)}",
    )


def admit(
    cooperative: Cooperative, count: int, *, start: int = 0, actor: Any = SYSTEM
) -> list[Membership]:
    return [
        membership_admit(
            actor=actor,
            cooperative_id=cooperative.pk,
            person=person(cooperative.pk * 1000 + start + i),
            joined_on=DAY,
        )
        for i in range(count)
    ]


def share_class(cooperative: Cooperative, nominal: int = NOMINAL, code: str = "A") -> ShareClass:
    return share_class_create(
        actor=SYSTEM,
        cooperative_id=cooperative.pk,
        code=code,
        name=f"سهم {code}",
        nominal_value=nominal,
    )


def subscribe_all(
    cooperative: Cooperative, members: Sequence[Membership], klass: ShareClass, shares: int = 10
) -> list[LedgerEntry]:
    """Everyone subscribes at once, so the cap is checked on the final state (as at founding)."""
    return capital_subscribe(
        actor=SYSTEM,
        cooperative_id=cooperative.pk,
        effective_on=DAY,
        items=[Subscription(m, klass, shares) for m in members],
    )


def subscribe(member: Membership, klass: ShareClass, shares: int) -> LedgerEntry:
    (entry,) = capital_subscribe(
        actor=SYSTEM,
        cooperative_id=member.cooperative_id,
        items=[Subscription(member, klass, shares)],
        effective_on=DAY,
    )
    return entry


def pay(member: Membership, klass: ShareClass, amount: int) -> LedgerEntry:
    return capital_pay(
        actor=SYSTEM, membership=member, share_class=klass, amount=amount, effective_on=DAY
    )


def balance(member: Membership, klass: ShareClass) -> Balance:
    return member_balances(member.cooperative_id, [member.pk]).get((member.pk, klass.pk), ZERO)


def entry_count(cooperative: Cooperative) -> int:
    return LedgerEntry.objects.filter(cooperative=cooperative).count()
