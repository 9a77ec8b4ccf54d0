"""Approval: the agreement number, the cooperative, its first members and share class."""

from __future__ import annotations

import pytest
from django.utils import timezone

from taavon.accounts.models import User
from taavon.capital.models import ShareClass
from taavon.core.errors import ApplicationError
from taavon.founding.models import FoundingApplication
from taavon.founding.services import DEFAULT_NOMINAL_VALUE
from taavon.geo.models import County
from taavon.persian.jalali import to_jalali
from taavon.registry.models import Cooperative, CooperativeStatus, Membership
from tests.factories import CooperativeFactory
from tests.founding.helpers import act, create_application, founders

pytestmark = pytest.mark.django_db


def test_approve_creates_the_cooperative_in_founding_status(
    officer: User, submitted: FoundingApplication
) -> None:
    act(officer, submitted, "approve", name_rank=2)
    submitted.refresh_from_db()
    coop = submitted.cooperative
    assert coop is not None
    assert coop.name == submitted.approved_name == "تعاونی طبیعت‌گردی لرستان"
    assert coop.status == CooperativeStatus.FOUNDING
    assert (coop.kind, coop.sector, coop.county_id) == (
        "production",
        "tourism",
        submitted.county_id,
    )
    assert coop.rule_profile_id == submitted.rule_profile_id
    assert coop.status_changes.get().to_status == CooperativeStatus.FOUNDING


def test_founders_become_the_first_members(officer: User, submitted: FoundingApplication) -> None:
    act(officer, submitted, "approve")
    submitted.refresh_from_db()
    members = Membership.objects.filter(cooperative=submitted.cooperative).order_by(
        "register_number"
    )
    assert [m.register_number for m in members] == list(range(1, 8))
    assert all(m.is_founder and m.joined_on == timezone.localdate() for m in members)
    chair = submitted.founders.get(is_chair=True)
    assert members[0].person_id == chair.person_id


def test_default_share_class_of_one_million_rials(
    officer: User, submitted: FoundingApplication
) -> None:
    act(officer, submitted, "approve")
    submitted.refresh_from_db()
    share_class = ShareClass.objects.get(cooperative=submitted.cooperative)
    assert (share_class.code, share_class.nominal_value) == ("A", DEFAULT_NOMINAL_VALUE)


def test_officer_may_choose_the_nominal_value(
    officer: User, submitted: FoundingApplication
) -> None:
    act(officer, submitted, "approve", nominal_value=500_000)
    submitted.refresh_from_db()
    assert ShareClass.objects.get(cooperative=submitted.cooperative).nominal_value == 500_000


@pytest.mark.parametrize("value", [0, -5, 1.5, "1000"])
def test_bad_nominal_values_are_refused(
    officer: User, submitted: FoundingApplication, value: object
) -> None:
    with pytest.raises(ApplicationError) as caught:
        act(officer, submitted, "approve", nominal_value=value)
    assert "nominal_value" in caught.value.fields
    assert not Cooperative.objects.exists()


def test_agreement_numbers_are_sequential_per_county_and_year(
    applicant: User, officer: User, submitted: FoundingApplication, khorramabad: County
) -> None:
    other = create_application(
        applicant, khorramabad.pk, names=["تعاونی دوم"], founders=founders(7, start=50)
    )
    act(applicant, other, "submit")
    act(officer, submitted, "approve")
    act(officer, other, "approve")
    submitted.refresh_from_db()
    other.refresh_from_db()
    year = to_jalali(timezone.localdate()).year
    assert submitted.agreement_number == f"15-{khorramabad.pk}-{year}-0001"
    assert other.agreement_number == f"15-{khorramabad.pk}-{year}-0002"
    assert submitted.agreement_issued_at is not None


def test_a_name_equal_to_an_existing_cooperative_blocks_approval(
    officer: User, submitted: FoundingApplication
) -> None:
    CooperativeFactory(name="تعاوني گردشگري زاگرس")  # Arabic yeh: same search key
    with pytest.raises(ApplicationError) as caught:
        act(officer, submitted, "approve", name_rank=1)
    assert caught.value.code == "duplicate_name"
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    act(officer, submitted, "approve", name_rank=2)  # the second name is free


def test_unknown_name_rank(officer: User, submitted: FoundingApplication) -> None:
    with pytest.raises(ApplicationError) as caught:
        act(officer, submitted, "approve", name_rank=3)
    assert "name_rank" in caught.value.fields
