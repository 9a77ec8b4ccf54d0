"""API authentication: a personal bearer token or the browser session; one 401 shape."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from taavon.accounts.models import ApiToken, User
from taavon.accounts.services import api_token_revoke
from taavon.accounts.tokens import generate
from tests.factories import token_for

pytestmark = pytest.mark.django_db

UNAUTHENTICATED = {
    "message": "ورود لازم است یا توکن نامعتبر است.",
    "code": "unauthenticated",
    "extra": {"fields": {}},
}


def get_me(**headers: str):
    return Client().get("/api/v1/me", headers=headers)


def test_bearer_token_authenticates(member: User) -> None:
    _, plain = token_for(member)
    response = get_me(Authorization=f"Bearer {plain}")
    assert response.status_code == 200
    assert response.json()["id"] == member.pk


def test_bearer_scheme_is_case_insensitive(member: User) -> None:
    _, plain = token_for(member)
    assert get_me(Authorization=f"bearer {plain}").status_code == 200


def test_session_authenticates(member: User, login_client: Callable[[User], Client]) -> None:
    assert login_client(member).get("/api/v1/me").json()["id"] == member.pk


def test_no_credentials_is_401(db: None) -> None:
    response = get_me()
    assert response.status_code == 401
    assert response.json() == UNAUTHENTICATED


def test_revoked_token_is_401(member: User) -> None:
    token, plain = token_for(member)
    api_token_revoke(actor=member, token_id=token.pk)
    response = get_me(Authorization=f"Bearer {plain}")
    assert response.status_code == 401
    assert response.json() == UNAUTHENTICATED


@pytest.mark.parametrize(
    "header",
    [
        "Bearer ",
        "Bearer garbage",
        "Bearer tvn_abc",
        "Bearer tvn_abcdefghij_" + "x" * 10,
        "Bearer " + generate()[0],  # well-formed but unknown
        "Token something",
        "Basic dXNlcjpwYXNz",
    ],
)
def test_malformed_or_unknown_token_is_401_with_the_error_shape(db: None, header: str) -> None:
    response = get_me(Authorization=header)
    assert response.status_code == 401
    assert response.json() == UNAUTHENTICATED


def test_bad_token_is_refused_even_with_a_valid_session(
    member: User, login_client: Callable[[User], Client]
) -> None:
    response = login_client(member).get("/api/v1/me", headers={"Authorization": "Bearer junk"})
    assert response.status_code == 401


def test_token_of_a_deactivated_user_is_401(member: User) -> None:
    _, plain = token_for(member)
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert get_me(Authorization=f"Bearer {plain}").status_code == 401


def test_token_use_is_recorded(member: User) -> None:
    token, plain = token_for(member)
    get_me(Authorization=f"Bearer {plain}")
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None


def test_session_writes_need_the_csrf_token(
    member: User, login_client: Callable[[User], Client]
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post("/api/v1/me/tokens", {"name": "x"}, content_type="application/json")
    assert response.status_code == 403
    assert set(response.json()) == {"message", "code", "extra"}
    assert response.json()["code"] == "forbidden"
    assert not ApiToken.objects.exists()


def test_token_writes_need_no_csrf_token(member: User) -> None:
    _, plain = token_for(member)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/api/v1/me/tokens",
        {"name": "دوم"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {plain}"},
    )
    assert response.status_code == 201
