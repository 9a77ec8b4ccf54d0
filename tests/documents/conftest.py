"""A registered cooperative with members and capital, built through the services."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from taavon.accounts.models import Role, User
from taavon.capital.models import ShareClass
from taavon.capital.services import Subscription, capital_pay, capital_subscribe, share_class_create
from taavon.core.permissions import SYSTEM
from taavon.registry.models import Cooperative, Membership, MembershipStatus
from taavon.registry.services.members import membership_admit, membership_exit
from taavon.registry.services.people import PersonData
from tests.factories import CooperativeFactory, national_id

PEOPLE = [
    ("رضا", "سپهوند", "محمد"),
    ("مریم", "کرمی", "علی"),
    ("زهرا", "بیرانوند", "حسین"),
    ("علی", "میرزایی", "کریم"),
    ("لیلا", "کاکاوند", "یوسف"),
]


@pytest.fixture
def registered(db: None) -> Cooperative:
    return CooperativeFactory(
        name="تعاونی فرش دستباف بانوان دورود",
        registration_number="1204",
        registration_date=datetime.date(2019, 6, 1),
        legal_national_id="14003902451",
        address="دورود، خیابان امام، پلاک ۱۲",
        activity="بافت و فروش فرش دستباف",
    )


@pytest.fixture
def share_class(registered: Cooperative) -> ShareClass:
    return share_class_create(
        actor=SYSTEM,
        cooperative_id=registered.pk,
        code="A",
        name="سهم عادی",
        nominal_value=1_000_000,
    )


@pytest.fixture
def members(registered: Cooperative, share_class: ShareClass) -> list[Membership]:
    """Five members holding 10..14 shares, each paid 5,000,000; the last one has left."""
    joined = datetime.date(2020, 3, 21)
    memberships = [
        membership_admit(
            actor=SYSTEM,
            cooperative_id=registered.pk,
            joined_on=joined,
            person=PersonData(
                national_id=national_id(500 + i),
                first_name=first,
                last_name=last,
                father_name=father,
            ),
        )
        for i, (first, last, father) in enumerate(PEOPLE)
    ]
    capital_subscribe(
        actor=SYSTEM,
        cooperative_id=registered.pk,
        effective_on=joined,
        items=[Subscription(m, share_class, 10 + i) for i, m in enumerate(memberships)],
    )
    for m in memberships:
        capital_pay(
            actor=SYSTEM,
            membership=m,
            share_class=share_class,
            amount=5_000_000,
            effective_on=joined,
        )
    membership_exit(
        actor=SYSTEM,
        membership_id=memberships[-1].pk,
        status=MembershipStatus.RESIGNED,
        exit_date=datetime.date(2024, 1, 10),
    )
    for m in memberships:
        m.refresh_from_db()
    return memberships


@pytest.fixture
def doc_manager(make_user: Callable[..., User], registered: Cooperative) -> User:
    return make_user(Role.COOP_MANAGER, cooperative_id=registered.pk)


def pdf_text(data: bytes, tmp_path: Any) -> str:
    """The text poppler extracts from a PDF (Persian comes out in logical order)."""
    import subprocess

    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
