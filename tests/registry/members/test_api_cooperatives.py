"""Cooperatives and members through the API: scope, totals, admission, exit, status."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from taavon.accounts.models import Role
from taavon.registry.models import CooperativeStatus, Membership
from tests.capital.builders import pay, person

from .conftest import LedgerCoop


def _get(headers: dict[str, str], path: str, **params: Any):
    return Client().get(f"/api/v1/cooperatives{path}", params, headers=headers)


def _post(headers: dict[str, str], path: str, body: dict[str, Any]):
    return Client().post(
        f"/api/v1/cooperatives{path}",
        json.dumps(body),
        content_type="application/json",
        headers=headers,
    )


@pytest.fixture
def manager(ledger: LedgerCoop, make_user, bearer) -> dict[str, str]:
    return bearer(make_user(Role.COOP_MANAGER, cooperative_id=ledger.coop.pk))


def test_list_is_limited_to_the_scope(
    coop_dorud, coop_khorramabad, coop_tehran, make_user, bearer, khorramabad, lorestan
) -> None:
    county = bearer(make_user(Role.COUNTY_OFFICER, county=khorramabad))
    province = bearer(make_user(Role.PROVINCIAL_OFFICER, province=lorestan))

    by_county = _get(county, "").json()
    by_province = _get(province, "", page_size=1).json()

    assert [c["id"] for c in by_county["items"]] == [coop_khorramabad.pk]
    assert by_province["count"] == 2 and by_province["pages"] == 2


def test_list_needs_authentication(db) -> None:
    response = Client().get("/api/v1/cooperatives")

    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


def test_detail_has_totals_and_rules(ledger, manager) -> None:
    pay(ledger.members[0], ledger.klass, 10_000_000)

    body = _get(manager, f"/{ledger.coop.pk}").json()

    assert body["member_count"] == 5
    assert body["totals"] == {
        "shares": 50,
        "subscribed": 50_000_000,
        "paid": 10_000_000,
        "outstanding": 40_000_000,
    }
    assert body["paid_share"] == {"numerator": 1, "denominator": 5, "percent": 20.0}
    assert body["min_paid_share"]["denominator"] == 3
    assert body["paid_share_ok"] is False


def test_members_list_with_balances_and_search(ledger, manager) -> None:
    pay(ledger.members[2], ledger.klass, 3_000_000)
    number = ledger.members[2].person.national_id

    everyone = _get(manager, f"/{ledger.coop.pk}/members").json()
    found = _get(manager, f"/{ledger.coop.pk}/members", q=number).json()

    assert everyone["count"] == 5
    assert found["count"] == 1
    row = found["items"][0]
    assert (row["register_number"], row["subscribed"], row["paid"]) == (3, 10_000_000, 3_000_000)
    assert row["national_id"] == number


def _admission(**overrides: Any) -> dict[str, Any]:
    return {
        "national_id": person(600).national_id,
        "first_name": "علي",
        "last_name": "کاظمی",
        "joined_on": "2025-10-12",
    } | overrides


def test_admit_and_read_back(ledger, manager) -> None:
    response = _post(manager, f"/{ledger.coop.pk}/members", _admission(mobile="09121234567"))

    assert response.status_code == 201
    body = response.json()
    assert (body["register_number"], body["first_name"], body["mobile"]) == (
        6,
        "علی",
        "+989121234567",
    )
    assert body["totals"]["subscribed"] == 0
    again = _get(manager, f"/{ledger.coop.pk}/members/{body['id']}").json()
    assert again["register_number"] == 6


@pytest.mark.parametrize(
    ("field", "value", "status"),
    [
        ("national_id", "1234567890", 400),
        ("mobile", "12345", 400),
        ("joined_on", "1404/07/19", 422),
        ("gender", "other", 422),
        ("first_name", "", 422),
    ],
)
def test_admit_refuses_bad_input_with_one_shape(ledger, manager, field, value, status) -> None:
    response = _post(manager, f"/{ledger.coop.pk}/members", _admission(**{field: value}))

    assert response.status_code == status
    body = response.json()
    assert set(body) == {"message", "code", "extra"}
    assert field in body["extra"]["fields"]
    assert Membership.objects.filter(cooperative=ledger.coop).count() == 5


def test_admitting_a_current_member_again_is_refused(ledger, manager) -> None:
    response = _post(
        manager,
        f"/{ledger.coop.pk}/members",
        _admission(national_id=ledger.members[0].person.national_id),
    )

    assert (response.status_code, response.json()["code"]) == (400, "already_member")


def test_exit_returns_capital(ledger, manager) -> None:
    member = ledger.members[0]
    pay(member, ledger.klass, 4_000_000)

    response = _post(
        manager,
        f"/{ledger.coop.pk}/members/{member.pk}/exit",
        {"status": "expelled", "exit_date": "2025-11-01", "reason": "تخلف"},
    )

    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "expelled"
    assert body["totals"] == {"shares": 0, "subscribed": 0, "paid": 0, "outstanding": 0}
    ledger_page = _get(manager, f"/{ledger.coop.pk}/ledger", kind="redemption").json()
    assert [(e["subscribed_delta"], e["paid_delta"]) for e in ledger_page["items"]] == [
        (-10_000_000, -4_000_000),
    ]


def test_exit_with_an_unknown_kind_is_422(ledger, manager) -> None:
    response = _post(
        manager,
        f"/{ledger.coop.pk}/members/{ledger.members[0].pk}/exit",
        {"status": "retired", "exit_date": "2025-11-01"},
    )

    assert response.status_code == 422


def test_member_balances_endpoint(ledger, manager) -> None:
    body = _get(manager, f"/{ledger.coop.pk}/members/{ledger.members[0].pk}/balances").json()

    assert body == [
        {
            "share_class_id": ledger.klass.pk,
            "share_class_code": "A",
            "shares": 10,
            "subscribed": 10_000_000,
            "paid": 0,
            "outstanding": 10_000_000,
        }
    ]


def test_status_change_is_for_officers_in_scope(
    ledger, manager, make_user, bearer, dorud, khorramabad
) -> None:
    body = {"to_status": "inactive", "reason": "تعطیلی فصلی"}
    inside = bearer(make_user(Role.COUNTY_OFFICER, county=dorud))
    outside = bearer(make_user(Role.COUNTY_OFFICER, county=khorramabad))

    by_manager = _post(manager, f"/{ledger.coop.pk}/status", body)
    by_outsider = _post(outside, f"/{ledger.coop.pk}/status", body)
    bad = _post(inside, f"/{ledger.coop.pk}/status", {"to_status": "dissolved", "reason": "x"})
    ok = _post(inside, f"/{ledger.coop.pk}/status", body)

    assert by_manager.status_code == by_outsider.status_code == 404
    assert (bad.status_code, bad.json()["code"]) == (400, "invalid_transition")
    assert ok.status_code == 200
    assert ok.json()["status"] == CooperativeStatus.INACTIVE
    assert ok.json()["status_history"][0]["reason"] == "تعطیلی فصلی"


@pytest.mark.parametrize("who", ["county_officer", "other_manager", "member"])
def test_outsiders_get_404_on_members(
    ledger, make_user, bearer, khorramabad, coop_khorramabad, who
) -> None:
    user = {
        "county_officer": lambda: make_user(Role.COUNTY_OFFICER, county=khorramabad),
        "other_manager": lambda: make_user(Role.COOP_MANAGER, cooperative_id=coop_khorramabad.pk),
        "member": lambda: make_user(Role.MEMBER),
    }[who]()
    headers = bearer(user)
    member = ledger.members[0]

    responses = [
        _get(headers, f"/{ledger.coop.pk}"),
        _get(headers, f"/{ledger.coop.pk}/members/{member.pk}"),
        _post(headers, f"/{ledger.coop.pk}/members", _admission()),
        _post(
            headers,
            f"/{ledger.coop.pk}/members/{member.pk}/exit",
            {"status": "resigned", "exit_date": "2025-11-01"},
        ),
    ]

    assert [r.status_code for r in responses] == [404] * 4
    assert Membership.objects.filter(cooperative=ledger.coop, status="member").count() == 5


def test_unknown_cooperative_is_404(db, make_user, bearer) -> None:
    headers = bearer(make_user(Role.NATIONAL_OFFICER))

    assert _get(headers, "/999999").status_code == 404
