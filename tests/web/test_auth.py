"""Login by national ID or username; failures all look the same; logout by POST."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client

from taavon.accounts.models import User
from tests.factories import PASSWORD, StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db

FAILED = "کد ملی/نام کاربری یا گذرواژه نادرست است."


@pytest.fixture
def citizen() -> User:
    return UserFactory(national_id="0084575948")


def post_login(identifier: str, password: str, client: Client | None = None, **data: str):
    client = client or Client()
    return client.post("/login/", {"identifier": identifier, "password": password, **data})


def logged_in_as(client: Client) -> int | None:
    user_id = client.session.get("_auth_user_id")
    return int(user_id) if user_id else None


def test_login_page_is_persian() -> None:
    page = Client().get("/login/").content.decode()
    assert "ورود به سامانه" in page
    assert "کد ملی یا نام کاربری" in page
    assert 'autocomplete="current-password"' in page


@pytest.mark.parametrize("typed", ["0084575948", "۰۰۸۴۵۷۵۹۴۸", "84575948", "۰۰۸-۴۵۷۵۹۴-۸"])
def test_login_by_national_id(citizen: User, typed: str) -> None:
    client = Client()
    response = post_login(typed, PASSWORD, client)
    assert response.status_code == 302
    assert response.url == "/dashboard/"
    assert logged_in_as(client) == citizen.pk


def test_login_by_username() -> None:
    staff = StaffUserFactory(username="dorud")
    client = Client()
    assert post_login("Dorud", PASSWORD, client).status_code == 302
    assert logged_in_as(client) == staff.pk


def failure_page(response) -> str:
    """The page without what legitimately differs: the CSRF token and the echoed identifier."""
    page = response.content.decode()
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
    page = re.sub(r'<meta name="csrf-token" content="[^"]+">', "", page)
    return re.sub(r'name="identifier" value="[^"]*"', "", page)


def test_wrong_password_and_unknown_user_answer_identically(citizen: User) -> None:
    wrong_password = post_login("0084575948", "not-the-password")
    unknown_user = post_login("0013542419", "not-the-password")
    unknown_username = post_login("nobody", "not-the-password")
    assert wrong_password.status_code == unknown_user.status_code == unknown_username.status_code
    assert wrong_password.status_code == 400
    for response in (wrong_password, unknown_user, unknown_username):
        assert response.context["form"].non_field_errors() == [FAILED]
        assert response.context["form"].errors.keys() == {"__all__"}
    assert failure_page(wrong_password) == failure_page(unknown_user)
    assert failure_page(wrong_password) == failure_page(unknown_username)


def test_invalid_national_id_gets_the_same_answer(citizen: User) -> None:
    response = post_login("0084575949", PASSWORD)  # wrong check digit
    assert response.status_code == 400
    assert failure_page(response) == failure_page(post_login("0084575948", "wrong"))


def test_inactive_user_is_refused_with_the_same_message(citizen: User) -> None:
    citizen.is_active = False
    citizen.save(update_fields=["is_active"])
    client = Client()
    response = post_login("0084575948", PASSWORD, client)
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [FAILED]
    assert logged_in_as(client) is None


def test_empty_fields_are_required_in_persian() -> None:
    response = post_login("", "")
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "identifier": ["این فیلد لازم است."],
        "password": ["این فیلد لازم است."],
    }


def test_password_is_never_echoed(citizen: User) -> None:
    response = post_login("0084575948", "my-secret-guess")
    assert "my-secret-guess" not in response.content.decode()


def test_safe_next_is_followed(citizen: User) -> None:
    response = post_login("0084575948", PASSWORD, next="/me/")
    assert response.url == "/me/"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x"])
def test_external_next_is_ignored(citizen: User, next_url: str) -> None:
    response = post_login("0084575948", PASSWORD, next=next_url)
    assert response.url == "/dashboard/"


def test_logout_needs_post(member: User, login_client: Callable[[User], Client]) -> None:
    client = login_client(member)
    assert client.get("/logout/").status_code == 405
    assert logged_in_as(client) == member.pk
    response = client.post("/logout/")
    assert response.status_code == 302 and response.url == "/"
    assert logged_in_as(client) is None


def test_login_page_is_not_cached() -> None:
    response = Client().get("/login/")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
