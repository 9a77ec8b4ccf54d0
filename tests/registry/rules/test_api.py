"""GET /api/v1/registry/rule-profiles (public) and POST .../{id}/versions (national officers)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from taavon.accounts.models import User
from taavon.registry.models import RuleProfile

pytestmark = pytest.mark.django_db

PROFILES = "/api/v1/registry/rule-profiles"


def publish(client: Client, profile: RuleProfile, payload: dict[str, Any], headers: dict[str, str]):
    response = client.post(
        f"{PROFILES}/{profile.pk}/versions",
        data=json.dumps(payload),
        content_type="application/json",
        headers=headers,
    )
    return response.status_code, response.json()


BODY = {"effective_from": "2026-03-21", "source_note": "مصوبهٔ شورای عالی"}


def test_current_profiles_are_public(client: Client, national_officer: User) -> None:
    general = RuleProfile.objects.get(kind="", sector="")
    RuleProfile.objects.create(
        name="آینده", kind="", sector="", version=2, effective_from="2099-01-01"
    )
    response = client.get(PROFILES)
    assert response.status_code == 200
    body = response.json()
    assert len(body) == 9
    first = body[0]
    assert first["id"] == general.pk and first["version"] == 1
    assert (first["min_paid_num"], first["min_paid_den"]) == (1, 3)
    assert first["max_members"] is None


def test_one_version_by_id(client: Client) -> None:
    housing = RuleProfile.objects.get(sector="housing")
    body = client.get(f"{PROFILES}/{housing.pk}").json()
    assert (body["sector"], body["min_members"], body["max_members"]) == ("housing", 20, 1000)
    assert client.get(f"{PROFILES}/987654").status_code == 404


def test_national_officer_publishes_a_new_version(
    client: Client, bearer: Callable[[User], dict[str, str]], national_officer: User
) -> None:
    housing = RuleProfile.objects.get(sector="housing")
    status, body = publish(
        client, housing, {**BODY, "min_members": 30, "max_members": None}, bearer(national_officer)
    )
    assert status == 201
    assert (body["version"], body["sector"], body["min_members"]) == (2, "housing", 30)
    assert body["max_members"] is None  # explicit null: no maximum
    assert body["min_paid_num"] == 1  # omitted: copied from the base version
    assert body["source_note"] == "مصوبه شورای عالی"
    housing.refresh_from_db()
    assert (housing.version, housing.min_members, housing.max_members) == (1, 20, 1000)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"min_paid_num": 2, "min_paid_den": 1}, "min_paid_num", "کسر باید بین صفر و یک باشد."),
        ({"alternates_den": 0}, "alternates_den", "مخرج کسر باید بزرگ‌تر از صفر باشد."),
        ({"board_min": 9, "board_max": 7}, "board_min", "بازهٔ اعضای هیئت‌مدیره نادرست است."),
        (
            {"min_members": 20, "max_members": 5},
            "max_members",
            "حداکثر اعضا نمی‌تواند از حداقل کمتر باشد.",
        ),
        ({"source_note": "   "}, "source_note", "منبع لازم است."),
    ],
)
def test_invalid_versions_get_the_same_persian_field_errors(
    client: Client,
    bearer: Callable[[User], dict[str, str]],
    national_officer: User,
    changes: dict[str, Any],
    field: str,
    message: str,
) -> None:
    general = RuleProfile.objects.get(kind="", sector="")
    status, body = publish(client, general, {**BODY, **changes}, bearer(national_officer))
    assert status == 400
    assert set(body) == {"message", "code", "extra"}
    assert message in body["extra"]["fields"][field]
    assert RuleProfile.objects.filter(kind="", sector="").count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"min_members": -1}, "min_members"),
        ({"effective_from": "1404/01/01"}, "effective_from"),
        ({"board_max": "many"}, "board_max"),
    ],
)
def test_malformed_values_are_422(
    client: Client,
    bearer: Callable[[User], dict[str, str]],
    national_officer: User,
    changes: dict[str, Any],
    field: str,
) -> None:
    general = RuleProfile.objects.get(kind="", sector="")
    status, body = publish(client, general, {**BODY, **changes}, bearer(national_officer))
    assert status == 422
    assert field in body["extra"]["fields"]


@pytest.mark.parametrize("role", ["member", "county_officer", "provincial_officer", "coop_manager"])
def test_others_get_404(
    request: pytest.FixtureRequest,
    client: Client,
    bearer: Callable[[User], dict[str, str]],
    role: str,
) -> None:
    general = RuleProfile.objects.get(kind="", sector="")
    status, body = publish(client, general, BODY, bearer(request.getfixturevalue(role)))
    assert status == 404
    assert body["code"] == "not_found"
    assert RuleProfile.objects.filter(kind="", sector="").count() == 1


def test_anonymous_gets_401(client: Client) -> None:
    general = RuleProfile.objects.get(kind="", sector="")
    status, body = publish(client, general, BODY, {})
    assert status == 401
    assert body["code"] == "unauthenticated"
