"""The profile page: personal API tokens through htmx (and without JavaScript)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client

from taavon.accounts.models import ApiToken, User
from taavon.accounts.services import api_token_authenticate
from taavon.audit.models import AuditEvent
from taavon.persian.text import to_persian_digits
from tests.factories import token_for

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
NEW_TOKEN = re.compile(r'<code class="num user-select-all" id="new-token">(tvn_[^<]+)</code>')


@pytest.fixture
def client(member: User, login_client: Callable[[User], Client]) -> Client:
    return login_client(member)


def test_profile_needs_login() -> None:
    assert Client().get("/me/").status_code == 302


def test_profile_shows_identity_in_persian_digits(member: User, client: Client) -> None:
    page = client.get("/me/").content.decode()
    assert to_persian_digits(member.national_id) in page
    assert to_persian_digits(member.mobile) in page
    assert member.national_id not in page
    assert "عضو" in page  # role


def test_create_token_with_htmx_returns_the_partial(member: User, client: Client) -> None:
    response = client.post("/me/tokens/", {"name": "حسابداری"}, headers=HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<div class="card" id="tokens">')
    assert "<html" not in page
    (plain,) = NEW_TOKEN.findall(page)
    assert api_token_authenticate(plain) == member
    assert ApiToken.objects.get(user=member).name == "حسابداری"
    assert AuditEvent.objects.filter(action="accounts.token.create", actor=member).exists()


def test_create_token_without_javascript_returns_the_whole_page(
    member: User, client: Client
) -> None:
    response = client.post("/me/tokens/", {"name": "بدون جاوااسکریپت"})
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fa" dir="rtl">' in page
    (plain,) = NEW_TOKEN.findall(page)
    assert api_token_authenticate(plain) == member


def test_plain_token_is_shown_only_once(client: Client) -> None:
    created = client.post("/me/tokens/", {"name": "x"}, headers=HTMX).content.decode()
    (plain,) = NEW_TOKEN.findall(created)
    assert plain not in client.get("/me/").content.decode()


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("", "این فیلد لازم است."),
        ("   ", "این فیلد لازم است."),
        ("ن" * 101, "طول این مقدار باید حداکثر"),
        ("\u200c\u200c", "نام توکن باید بین ۱ تا ۱۰۰ نویسه باشد."),
    ],
)
@pytest.mark.parametrize("headers", [HTMX, {}])
def test_bad_token_name_gives_a_persian_error_and_creates_nothing(
    client: Client, name: str, error: str, headers: dict[str, str]
) -> None:
    response = client.post("/me/tokens/", {"name": name}, headers=headers)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not ApiToken.objects.exists()


def test_create_needs_post(client: Client) -> None:
    assert client.get("/me/tokens/").status_code == 405


def test_revoke_with_htmx_returns_the_partial(member: User, client: Client) -> None:
    token, plain = token_for(member, "قدیمی")
    response = client.post(f"/me/tokens/{token.pk}/revoke/", headers=HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<div class="card" id="tokens">')
    assert "باطل‌شده" in page
    assert api_token_authenticate(plain) is None


def test_revoke_without_javascript_redirects_with_a_message(member: User, client: Client) -> None:
    token, plain = token_for(member)
    response = client.post(f"/me/tokens/{token.pk}/revoke/", follow=True)
    assert response.redirect_chain == [("/me/", 302)]
    assert "توکن باطل شد." in response.content.decode()
    assert api_token_authenticate(plain) is None


def test_revoking_someone_elses_token_fails(client: Client, make_user: Callable[..., User]) -> None:
    token, plain = token_for(make_user())
    response = client.post(f"/me/tokens/{token.pk}/revoke/", follow=True)
    assert "موردی یافت نشد." in response.content.decode()
    assert api_token_authenticate(plain) is not None


def test_revoking_someone_elses_token_with_htmx_is_404(
    client: Client, make_user: Callable[..., User]
) -> None:
    token, plain = token_for(make_user())
    response = client.post(f"/me/tokens/{token.pk}/revoke/", headers=HTMX)
    assert response.status_code == 404
    assert api_token_authenticate(plain) is not None


def test_tokens_of_others_are_not_listed(client: Client, make_user: Callable[..., User]) -> None:
    token_for(make_user(), "توکن دیگری")
    assert "توکن دیگری" not in client.get("/me/").content.decode()
