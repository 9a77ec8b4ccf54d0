"""Public-registry data: registered cooperatives with real members (admitted and given
capital through the services), so tests can prove no person ever leaks."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from taavon.capital.services import Subscription, capital_pay, capital_subscribe, share_class_create
from taavon.core.permissions import SYSTEM
from taavon.geo.models import County
from taavon.persian.text import to_persian_digits
from taavon.registry.models import Cooperative, CooperativeStatus, Membership, Person
from taavon.registry.services.members import membership_admit
from taavon.registry.services.people import PersonData
from tests.factories import CooperativeFactory, national_id

JOINED = datetime.date(2024, 3, 20)


@dataclass
class Secrets:
    """Personal data that must never appear publicly, in every script it could be shown in."""

    people: list[Person]

    def needles(self) -> list[str]:
        found: list[str] = []
        for person in self.people:
            local_mobile = "0" + person.mobile[3:] if person.mobile else ""
            for value in (person.national_id, person.mobile, local_mobile):
                if value:
                    found += [value, to_persian_digits(value)]
            found += [person.first_name, person.last_name, person.father_name]
        return [n for n in found if n]

    def assert_absent(self, text: str) -> None:
        leaked = [n for n in self.needles() if n in text]
        assert not leaked, f"personal data leaked: {leaked}"


def admit(coop: Cooperative, serial: int, *, first: str, last: str) -> Membership:
    return membership_admit(
        actor=SYSTEM,
        cooperative_id=coop.pk,
        person=PersonData(
            national_id=national_id(serial),
            first_name=first,
            last_name=last,
            father_name="فریدون‌پور",
            mobile=f"0935{serial:07d}",
        ),
        joined_on=JOINED,
    )


def make_coop(
    name: str,
    county: County,
    *,
    status: str = CooperativeStatus.ACTIVE,
    sector: str = "services",
    legal_national_id: str | None = None,
    registration_number: str = "",
) -> Cooperative:
    return CooperativeFactory(
        name=name,
        county=county,
        status=status,
        sector=sector,
        legal_national_id=legal_national_id,
        registration_number=registration_number,
        registration_date=datetime.date(2023, 3, 21) if status != "founding" else None,
    )


@pytest.fixture
def registry(khorramabad: County, dorud: County) -> dict[str, Cooperative]:
    """A few registered cooperatives and one being founded."""
    return {
        "carpet": make_coop(
            "تعاونی‌های فرش دستباف دورود",
            dorud,
            sector="carpet",
            legal_national_id="10860123456",
            registration_number="4521",
        ),
        "kaf": make_coop(
            "تعاونی کشاورزی یاسوکند", khorramabad, sector="agriculture", registration_number="77"
        ),
        "tourism": make_coop(
            "تعاونی گردشگری لرستان",
            khorramabad,
            sector="tourism",
            status=CooperativeStatus.INACTIVE,
            registration_number="78",
        ),
        "founding": make_coop(
            "تعاونی‌های فرش در حال تأسیس", dorud, sector="carpet", status=CooperativeStatus.FOUNDING
        ),
    }


@pytest.fixture
def members(registry: dict[str, Cooperative]) -> Secrets:
    """Members (with capital; 4 so no one is over the 30% cap) in the carpet cooperative, and
    one in the cooperative being founded."""
    carpet = registry["carpet"]
    people = []
    for serial, (first, last) in enumerate(
        [
            ("شهرزاد", "بختیاروند"),
            ("کیومرث", "زاغه‌نشین"),
            ("ماهرخ", "سپهرآرا"),
            ("بردیا", "نوروزیان"),
        ],
        start=901,
    ):
        people.append(admit(carpet, serial, first=first, last=last).person)
    people.append(admit(registry["founding"], 950, first="نیلوفر", last="کوهپایه‌ای").person)
    share = share_class_create(
        actor=SYSTEM, cooperative_id=carpet.pk, code="A", name="عادی", nominal_value=1_000_000
    )
    memberships = list(Membership.objects.filter(cooperative=carpet))
    capital_subscribe(
        actor=SYSTEM,
        cooperative_id=carpet.pk,
        effective_on=JOINED,
        items=[Subscription(membership=m, share_class=share, shares=10) for m in memberships],
    )
    capital_pay(
        actor=SYSTEM,
        membership=memberships[0],
        share_class=share,
        amount=4_000_000,
        effective_on=JOINED,
    )
    return Secrets(people=people)


@pytest.fixture
def count_queries() -> Callable[[Callable[[], object]], int]:
    def run(call: Callable[[], object]) -> int:
        with CaptureQueriesContext(connection) as ctx:
            call()
        return len(ctx.captured_queries)

    return run


@pytest.fixture
def anon() -> Client:
    return Client()
