"""/me: the current user with roles; their tokens and notifications."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from taavon.accounts.models import ApiToken, Role, User
from taavon.accounts.tokens import hash_secret, split
from taavon.audit.models import AuditEvent
from taavon.geo.models import County
from taavon.notifications.services import notification_send
from tests.factories import token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(bearer: Callable[[User], dict[str, str]]) -> Callable[[User], Client]:
    """`api(user)`: a client that sends that user's bearer token."""

    def make(user: User) -> Client:
        return Client(headers=bearer(user))

    return make


def test_me_needs_authentication(db: None) -> None:
    response = Client().get("/api/v1/me")
    assert response.status_code == 401
    assert set(response.json()) == {"message", "code", "extra"}


def test_me_returns_profile_and_roles(
    make_user: Callable[..., User], khorramabad: County, api: Callable[[User], Client]
) -> None:
    officer = make_user(Role.COUNTY_OFFICER, county=khorramabad)
    body = api(officer).get("/api/v1/me").json()
    assert body["username"] == officer.username
    assert body["roles"] == [
        {
            "role": "county_officer",
            "role_label": "کارشناس اداره شهرستان",
            "province_code": "IR-15",
            "county_id": khorramabad.pk,
            "cooperative_id": None,
        }
    ]


def test_me_of_a_citizen(member: User, api: Callable[[User], Client]) -> None:
    body = api(member).get("/api/v1/me").json()
    assert body["national_id"] == member.national_id
    assert body["mobile"] == member.mobile
    assert [r["role"] for r in body["roles"]] == ["member"]


def test_create_token_shows_the_plain_token_once(
    member: User, api: Callable[[User], Client]
) -> None:
    client = api(member)
    response = client.post(
        "/api/v1/me/tokens", {"name": "حسابداری"}, content_type="application/json"
    )
    assert response.status_code == 201
    created = response.json()
    prefix, secret = split(created["token"])  # type: ignore[misc]
    stored = ApiToken.objects.get(pk=created["id"])
    assert (stored.prefix, stored.secret_hash) == (prefix, hash_secret(secret))

    listed = client.get("/api/v1/me/tokens").json()
    assert {t["id"] for t in listed} == {
        created["id"],
        *ApiToken.objects.values_list("id", flat=True),
    }
    assert all("token" not in t and "secret_hash" not in t for t in listed)

    # The new token works on its own.
    again = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {created['token']}"})
    assert again.status_code == 200


@pytest.mark.parametrize(
    ("payload", "status"),
    [({"name": ""}, 422), ({"name": "ن" * 101}, 422), ({}, 422), ({"name": "   "}, 400)],
)
def test_bad_token_name(
    member: User, api: Callable[[User], Client], payload: dict, status: int
) -> None:
    client = api(member)
    before = ApiToken.objects.count()
    response = client.post("/api/v1/me/tokens", payload, content_type="application/json")
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"message", "code", "extra"}
    assert "name" in body["extra"]["fields"]
    assert ApiToken.objects.count() == before


def test_revoke_token(member: User, api: Callable[[User], Client]) -> None:
    token, plain = token_for(member, "قدیمی")
    response = api(member).delete(f"/api/v1/me/tokens/{token.pk}")
    assert response.status_code == 200
    assert response.json()["revoked_at"] is not None
    assert AuditEvent.objects.filter(
        action="accounts.token.revoke", object_id=str(token.pk)
    ).exists()
    assert (
        Client().get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"}).status_code == 401
    )


def test_revoking_another_users_token_is_404(
    member: User, make_user: Callable[..., User], api: Callable[[User], Client]
) -> None:
    other = make_user()
    token, plain = token_for(other)
    response = api(member).delete(f"/api/v1/me/tokens/{token.pk}")
    missing = api(member).delete("/api/v1/me/tokens/999999")
    assert response.status_code == missing.status_code == 404
    assert (
        response.json()
        == missing.json()
        == {
            "message": "موردی یافت نشد.",
            "code": "not_found",
            "extra": {"fields": {}},
        }
    )
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_notifications_list_and_mark_read(member: User, api: Callable[[User], Client]) -> None:
    first = notification_send(recipient=member, code="t", title="یکم", channels=[])
    notification_send(recipient=member, code="t", title="دوم", channels=[])
    client = api(member)
    body = client.get("/api/v1/me/notifications").json()
    assert [n["title"] for n in body["items"]] == ["دوم", "یکم"]
    assert body["count"] == 2

    marked = client.post(f"/api/v1/me/notifications/read?notification_id={first.pk}")
    assert marked.json() == {"marked": 1}
    unread = client.get("/api/v1/me/notifications", {"unread": "true"}).json()
    assert [n["title"] for n in unread["items"]] == ["دوم"]
    assert client.post("/api/v1/me/notifications/read").json() == {"marked": 1}


def test_someone_elses_notification_is_404(
    member: User, make_user: Callable[..., User], api: Callable[[User], Client]
) -> None:
    theirs = notification_send(recipient=make_user(), code="t", title="x", channels=[])
    response = api(member).post(f"/api/v1/me/notifications/read?notification_id={theirs.pk}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
