"""Registration: refused until the assembly and the paid-in minimum; then the cooperative is
active with its number, date and legal national ID."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.utils import timezone, translation

from taavon.accounts.models import User
from taavon.core.errors import ApplicationError
from taavon.founding.models import ApplicationStatus, FoundingApplication
from taavon.registry.models import Cooperative, CooperativeStatus
from tests.factories import CooperativeFactory
from tests.founding.helpers import LEGAL_ID, OTHER_LEGAL_ID, act, record_capital

pytestmark = pytest.mark.django_db

PERSIAN_DIGIT = re.compile("[۰-۹]")


def register(officer: User, application: FoundingApplication, **overrides: Any) -> Any:
    payload = {
        "registration_number": "۴۵۶۷",
        "registration_date": timezone.localdate(),
        "legal_national_id": LEGAL_ID,
    } | overrides
    return act(officer, application, "register", **payload)


def refused(officer: User, application: FoundingApplication, **overrides: Any) -> ApplicationError:
    with pytest.raises(ApplicationError) as caught:
        register(officer, application, **overrides)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ASSEMBLY_HELD
    coop = Cooperative.objects.get(pk=application.cooperative_id or 0)
    assert coop.status == CooperativeStatus.FOUNDING and coop.legal_national_id is None
    return caught.value


def test_registration_makes_the_cooperative_active(
    officer: User, assembly_held: FoundingApplication
) -> None:
    record_capital(officer, assembly_held)
    register(officer, assembly_held)
    assembly_held.refresh_from_db()
    coop = assembly_held.cooperative
    assert coop is not None
    assert assembly_held.status == ApplicationStatus.REGISTERED
    assert coop.status == CooperativeStatus.ACTIVE
    assert (coop.registration_number, coop.registration_date, coop.legal_national_id) == (
        "4567",
        timezone.localdate(),
        LEGAL_ID,
    )
    assert list(coop.status_changes.values_list("to_status", flat=True)) == ["founding", "active"]


def test_registering_before_the_paid_in_minimum(
    officer: User, assembly_held: FoundingApplication
) -> None:
    record_capital(officer, assembly_held, shares=3, paid=900_000)  # 30% < 1/3
    error = refused(officer, assembly_held)
    assert error.code == "paid_below_minimum"
    assert "۱/۳" in error.message and "۶٬۳۰۰٬۰۰۰ ریال" in error.message


def test_the_paid_in_message_in_english_has_latin_digits(
    officer: User, assembly_held: FoundingApplication
) -> None:
    record_capital(officer, assembly_held, shares=3, paid=900_000)
    with translation.override("en"):
        error = refused(officer, assembly_held)
    assert "(6,300,000 rials) is less than 1/3" in error.message
    assert not PERSIAN_DIGIT.search(error.message)


def test_exactly_a_third_paid_is_enough(officer: User, assembly_held: FoundingApplication) -> None:
    record_capital(officer, assembly_held, shares=3, paid=1_000_000)
    register(officer, assembly_held)
    assembly_held.refresh_from_db()
    assert assembly_held.status == ApplicationStatus.REGISTERED


def test_registering_with_no_capital(officer: User, assembly_held: FoundingApplication) -> None:
    assert refused(officer, assembly_held).code == "no_capital"


def test_duplicate_legal_national_id(officer: User, assembly_held: FoundingApplication) -> None:
    CooperativeFactory(legal_national_id=LEGAL_ID)
    record_capital(officer, assembly_held)
    error = refused(officer, assembly_held)
    assert error.code == "duplicate" and "legal_national_id" in error.fields


def test_invalid_legal_national_id(officer: User, assembly_held: FoundingApplication) -> None:
    record_capital(officer, assembly_held)
    error = refused(officer, assembly_held, legal_national_id=OTHER_LEGAL_ID[:-1] + "1")
    assert error.fields == {"legal_national_id": ["شناسه ملی معتبر نیست."]}


def test_registration_number_must_be_digits(
    officer: User, assembly_held: FoundingApplication
) -> None:
    record_capital(officer, assembly_held)
    assert (
        "registration_number"
        in refused(officer, assembly_held, registration_number="ABC-12").fields
    )


def test_registration_date_before_the_assembly_or_in_the_future(
    officer: User, assembly_held: FoundingApplication
) -> None:
    record_capital(officer, assembly_held)
    for day in (
        timezone.localdate() - datetime.timedelta(days=30),
        timezone.localdate() + datetime.timedelta(days=1),
    ):
        assert "registration_date" in refused(officer, assembly_held, registration_date=day).fields


def test_applicant_cannot_register(
    applicant: User, officer: User, assembly_held: FoundingApplication
) -> None:
    from taavon.founding.services import ActionForbidden

    record_capital(officer, assembly_held)
    with pytest.raises(ActionForbidden):
        register(applicant, assembly_held)


def test_register_before_the_assembly_is_an_illegal_transition(
    officer: User, approved: FoundingApplication
) -> None:
    from taavon.core.errors import ConflictError

    record_capital(officer, approved)
    with pytest.raises(ConflictError):
        register(officer, approved)
