"""/api/v1/audit/events: the same scope and filters as the audit page, with the action's label;
/api/v1/audit/actions: the catalogue."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client

from taavon.accounts.models import User
from taavon.audit.services import audit_record
from taavon.geo.events import GeoEvent
from taavon.geo.models import County
from taavon.registry.events import RegistryEvent
from taavon.registry.models import Cooperative

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(khorramabad: County, dorud: County, tehran_county: County) -> None:
    for c in (khorramabad, dorud, tehran_county):
        audit_record(
            actor=None,
            action=GeoEvent.COUNTY_IMPORT,
            summary=c.slug,
            county_id=c.pk,
            province_id=c.province_id,
        )


def summaries(user: User, bearer: Callable[[User], dict[str, str]], **params: str) -> set[str]:
    response = Client(headers=bearer(user)).get(
        "/api/v1/audit/events", {"action": "geo.county.import", **params}
    )
    assert response.status_code == 200
    return {e["summary"] for e in response.json()["items"]}


def test_needs_authentication(db: None) -> None:
    response = Client().get("/api/v1/audit/events")
    assert response.status_code == 401
    assert set(response.json()) == {"message", "code", "extra"}


def test_county_officer_sees_their_county(county_officer: User, events: None, bearer) -> None:
    assert summaries(county_officer, bearer) == {"khorramabad"}


def test_provincial_officer_sees_their_province(
    provincial_officer: User, events: None, bearer
) -> None:
    assert summaries(provincial_officer, bearer) == {"khorramabad", "dorud"}


def test_national_officer_sees_all(national_officer: User, events: None, bearer) -> None:
    assert summaries(national_officer, bearer) == {"khorramabad", "dorud", "tehran"}


def test_member_sees_nothing(member: User, events: None, bearer) -> None:
    response = Client(headers=bearer(member)).get("/api/v1/audit/events")
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_event_fields(national_officer: User, member: User, bearer) -> None:
    audit_record(
        actor=member, action=GeoEvent.REFERENCE_LOAD, obj=member, summary="s", changes={"a": 1}
    )
    body = (
        Client(headers=bearer(national_officer))
        .get("/api/v1/audit/events", {"action": "geo.reference.load"})
        .json()
    )
    (event,) = body["items"]
    assert event["actor"] == member.username
    assert (event["action"], event["action_label"]) == (
        "geo.reference.load",
        "بارگذاری تقسیمات کشوری",
    )
    assert (event["object_type"], event["object_id"]) == ("accounts.user", str(member.pk))
    assert event["changes"] == {"a": 1}
    assert event["channel"] == "system"


def test_filters_by_date(national_officer: User, events: None, bearer) -> None:
    assert summaries(national_officer, bearer, date_from="2000-01-01") == {
        "khorramabad",
        "dorud",
        "tehran",
    }
    assert summaries(national_officer, bearer, date_to="2000-01-01") == set()


@pytest.mark.parametrize("bad", ["1404/12/30", "2025-02-30", "0", "1700000000", "yesterday"])
def test_bad_date_is_a_422(national_officer: User, bearer, bad: str) -> None:
    response = Client(headers=bearer(national_officer)).get(
        "/api/v1/audit/events", {"date_from": bad}
    )
    assert response.status_code == 422
    assert list(response.json()["extra"]["fields"]) == ["date_from"]


def test_dates_are_documented_as_dates(db: None) -> None:
    operation = Client().get("/api/v1/openapi.json").json()["paths"]["/api/v1/audit/events"]
    params = {p["name"]: p for p in operation["get"]["parameters"]}
    assert {"type": "string", "format": "date"} in params["date_from"]["schema"]["anyOf"]


def english(headers: dict[str, str]) -> Client:
    client = Client(headers=headers)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_label_follows_the_language(national_officer: User, events: None, bearer) -> None:
    response = english(bearer(national_officer)).get(
        "/api/v1/audit/events", {"action": "geo.county.import"}
    )
    assert {e["action_label"] for e in response.json()["items"]} == {"County list imported"}


def test_the_action_is_an_exact_code(national_officer: User, events: None, bearer) -> None:
    assert summaries(national_officer, bearer, action="geo.") == set()
    assert summaries(national_officer, bearer, action="geo.county") == set()


def test_filters_by_cooperative_name_and_tracking_code(
    national_officer: User, bearer, coop_dorud: Cooperative, coop_khorramabad: Cooperative
) -> None:
    for coop in (coop_dorud, coop_khorramabad):
        audit_record(
            actor=None, action=RegistryEvent.COOPERATIVE_STATUS, obj=coop, summary=coop.name
        )
    audit_record(actor=None, action=GeoEvent.REFERENCE_LOAD, summary="1234567890: created")
    client = Client(headers=bearer(national_officer))

    def found(**params: str) -> set[str]:
        response = client.get("/api/v1/audit/events", params)
        assert response.status_code == 200
        return {e["summary"] for e in response.json()["items"]}

    assert found(cooperative="تعاوني فرش") == {"تعاونی فرش دورود"}
    assert found(cooperative="خرم آباد", action="registry.cooperative.status") == {
        "تعاونی گردشگری خرم‌آباد"
    }
    assert found(tracking_code="۱۲۳۴۵۶۷۸۹۰") == {"1234567890: created"}


@pytest.mark.parametrize("bad", ["12", "abc", "12345678901", "1234567890x"])
def test_a_tracking_code_that_is_not_ten_digits_is_a_422(
    national_officer: User, bearer, bad: str
) -> None:
    response = Client(headers=bearer(national_officer)).get(
        "/api/v1/audit/events", {"tracking_code": bad}
    )
    assert response.status_code == 422
    assert list(response.json()["extra"]["fields"]) == ["tracking_code"]


def test_the_catalogue_of_actions(national_officer: User, bearer) -> None:
    response = english(bearer(national_officer)).get("/api/v1/audit/actions")
    assert response.status_code == 200
    actions = {a["code"]: a for a in response.json()}
    assert actions["founding.approve"] == {
        "code": "founding.approve",
        "label": "Founding approved",
        "context": "founding",
        "context_label": "Founding",
    }
    assert "registry.founding.approve" not in actions
