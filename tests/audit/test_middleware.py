"""The request's client IP and channel (web/api) reach the audit log."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.signals import user_login_failed
from django.test import Client, RequestFactory

from taavon.accounts.models import User
from taavon.audit.middleware import client_ip
from taavon.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def login(client: Client, user: User, password: str, **extra: str) -> AuditEvent:
    response = client.post("/login/", {"identifier": user.username, "password": password}, **extra)
    assert response.status_code == 302
    return AuditEvent.objects.get(action="accounts.login")


def test_web_request_records_remote_addr_and_channel(member: User, password: str) -> None:
    event = login(Client(), member, password, REMOTE_ADDR="198.51.100.4", HTTP_USER_AGENT="Firefox")
    assert (event.ip_address, event.channel, event.user_agent) == ("198.51.100.4", "web", "Firefox")
    assert event.actor == member


def test_forwarded_for_is_ignored_without_trusted_proxies(member: User, password: str) -> None:
    event = login(
        Client(), member, password, REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    assert event.ip_address == "198.51.100.4"


def test_forwarded_for_is_used_behind_a_trusted_proxy(
    member: User, password: str, settings
) -> None:
    settings.TAAVON_TRUSTED_PROXY_COUNT = 1
    event = login(
        Client(),
        member,
        password,
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.9",  # the client may forge the first hop
    )
    assert event.ip_address == "203.0.113.9"


def test_api_request_records_the_api_channel(
    member: User, bearer: Callable[[User], dict[str, str]]
) -> None:
    response = Client().post(
        "/api/v1/me/tokens",
        {"name": "از API"},
        content_type="application/json",
        headers=bearer(member),
        REMOTE_ADDR="192.0.2.55",
    )
    assert response.status_code == 201
    event = AuditEvent.objects.filter(action="accounts.token.create").latest("id")
    assert (event.channel, event.ip_address, event.actor) == ("api", "192.0.2.55", member)


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "198.51.100.4", "", "198.51.100.4"),
        (0, "198.51.100.4", "203.0.113.9", "198.51.100.4"),
        (1, "10.0.0.2", "203.0.113.9", "203.0.113.9"),
        (2, "10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.3", "203.0.113.9"),
        (2, "10.0.0.2", "203.0.113.9", "10.0.0.2"),  # fewer hops than proxies: not trusted
        (1, "10.0.0.2", "not-an-ip", "10.0.0.2"),  # garbage never reaches the inet column
        (1, "10.0.0.2", "2001:db8::1", "2001:db8::1"),
        (0, "", "", None),
    ],
)
def test_client_ip(
    settings, proxies: int, remote: str, forwarded: str, expected: str | None
) -> None:
    settings.TAAVON_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_garbage_forwarded_for_does_not_break_the_request(
    member: User, password: str, settings
) -> None:
    settings.TAAVON_TRUSTED_PROXY_COUNT = 1
    event = login(
        Client(), member, password, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="<script>"
    )
    assert event.ip_address == "10.0.0.2"


def test_failed_login_records_the_login_name_tried_but_not_the_password(member: User) -> None:
    Client().post(
        "/login/",
        {"identifier": member.username, "password": "wrong-Secret-42"},
        REMOTE_ADDR="198.51.100.4",
    )
    event = AuditEvent.objects.get(action="accounts.login_failed")
    assert event.actor is None
    assert (event.summary, event.changes) == (member.username, {"login": member.username})
    assert event.ip_address == "198.51.100.4"
    assert "wrong-Secret-42" not in str(AuditEvent.objects.filter(pk=event.pk).values().get())


def test_a_national_id_typed_in_persian_digits_is_recorded_in_latin_digits(db: None) -> None:
    Client().post("/login/", {"identifier": "۰۰۸۴۵۷۵۹۴۸", "password": "x"})
    event = AuditEvent.objects.get(action="accounts.login_failed")
    assert event.changes == {"login": "0084575948"}


def test_a_long_or_garbled_login_name_is_cut_and_cleaned() -> None:
    user_login_failed.send(
        sender=__name__, credentials={"username": "\u200ebad\u202e" + "x" * 500, "password": "***"}
    )
    event = AuditEvent.objects.get(action="accounts.login_failed")
    assert event.summary == "bad" + "x" * 147
    assert event.changes == {"login": event.summary}


def test_logout_is_audited(member: User, login_client: Callable[[User], Client]) -> None:
    login_client(member).post("/logout/")
    assert AuditEvent.objects.filter(action="accounts.logout", actor=member).exists()
