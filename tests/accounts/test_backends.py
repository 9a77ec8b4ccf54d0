"""Login by national ID (any digits, leading zeros optional) or by username."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate

from taavon.accounts.backends import login_lookup
from taavon.accounts.models import User
from taavon.persian.text import to_persian_digits
from tests.factories import PASSWORD, StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen() -> User:
    # A Tehran-style national ID with leading zeros, as spreadsheets like to drop them.
    return UserFactory(national_id="0084575948")


def test_login_by_national_id(citizen: User) -> None:
    assert authenticate(username="0084575948", password=PASSWORD) == citizen


def test_login_by_national_id_typed_with_persian_digits(citizen: User) -> None:
    assert authenticate(username=to_persian_digits("0084575948"), password=PASSWORD) == citizen


def test_login_by_national_id_typed_with_arabic_digits(citizen: User) -> None:
    assert authenticate(username="٠٠٨٤٥٧٥٩٤٨", password=PASSWORD) == citizen


def test_login_by_national_id_without_leading_zeros(citizen: User) -> None:
    assert authenticate(username="84575948", password=PASSWORD) == citizen
    assert authenticate(username="084575948", password=PASSWORD) == citizen


def test_login_by_national_id_with_separators(citizen: User) -> None:
    assert authenticate(username="008-457594-8", password=PASSWORD) == citizen
    assert authenticate(username=" ۰۰۸ ۴۵۷۵۹۴ ۸ ", password=PASSWORD) == citizen


def test_login_by_username_ignores_case() -> None:
    staff = StaffUserFactory(username="khorramabad")
    assert authenticate(username="khorramabad", password=PASSWORD) == staff
    assert authenticate(username="Khorramabad", password=PASSWORD) == staff


def test_wrong_password_is_refused(citizen: User) -> None:
    assert authenticate(username="0084575948", password="wrong-password") is None


def test_unknown_user_is_refused() -> None:
    assert authenticate(username="0013542419", password=PASSWORD) is None
    assert authenticate(username="nobody", password=PASSWORD) is None


def test_inactive_user_is_refused(citizen: User) -> None:
    citizen.is_active = False
    citizen.save(update_fields=["is_active"])
    assert authenticate(username="0084575948", password=PASSWORD) is None


def test_missing_credentials_are_refused(citizen: User) -> None:
    assert authenticate(username="", password=PASSWORD) is None
    assert authenticate(username="0084575948", password=None) is None


@pytest.mark.parametrize(
    ("typed", "lookup"),
    [
        ("0084575948", {"national_id": "0084575948"}),
        ("۸۴۵۷۵۹۴۸", {"national_id": "0084575948"}),
        ("admin", {"username__iexact": "admin"}),
        ("1234567", {"username__iexact": "1234567"}),  # too short to be a national ID
    ],
)
def test_login_lookup(typed: str, lookup: dict[str, str]) -> None:
    assert login_lookup(typed) == lookup
