"""GET /api/v1/registry/cooperatives[/{id}], /sectors: public, paginated, no person."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.test import Client

from taavon.geo.models import County
from taavon.registry.models import Cooperative
from tests.registry.public.conftest import Secrets, admit, make_coop

pytestmark = pytest.mark.django_db

LIST = "/api/v1/registry/cooperatives"


def get(client: Client, url: str, **params: str):
    response = client.get(url, params)
    return response.status_code, response.json()


def test_list_is_public_and_paginated(anon: Client, registry: dict[str, Cooperative]) -> None:
    status, body = get(anon, LIST, page_size="2")
    assert status == 200
    assert (body["count"], body["page"], body["page_size"], body["pages"]) == (3, 1, 2, 2)
    assert len(body["items"]) == 2
    status, body = get(anon, LIST, page_size="2", page="2")
    assert len(body["items"]) == 1


def test_list_row_shape(anon: Client, registry: dict[str, Cooperative], members: Secrets) -> None:
    _, body = get(anon, LIST, q="تعاونیها")
    (row,) = body["items"]
    assert row == {
        "id": registry["carpet"].pk,
        "name": "تعاونی‌های فرش دستباف دورود",
        "kind": "production",
        "kind_label": "تولیدی",
        "sector": "carpet",
        "sector_label": "فرش دستباف",
        "status": "active",
        "status_label": "ثبت‌شده و فعال",
        "registration_number": "4521",
        "registration_date": "2023-03-21",
        "legal_national_id": "10860123456",
        "county": {
            "id": registry["carpet"].county_id,
            "slug": "dorud",
            "name_fa": "دورود",
            "name_en": "Dorud",
        },
        "province": {"code": "IR-15", "name_fa": "لرستان", "name_en": "Lorestan"},
        "member_count": 4,
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "تعاوني كشاورزي"}, ["تعاونی کشاورزی یاسوکند"]),
        ({"county": "dorud"}, ["تعاونی‌های فرش دستباف دورود"]),
        ({"sector": "tourism"}, ["تعاونی گردشگری لرستان"]),
        ({"status": "inactive"}, ["تعاونی گردشگری لرستان"]),
        ({"legal_national_id": "۱۰۸۶۰۱۲۳۴۵۶"}, ["تعاونی‌های فرش دستباف دورود"]),
        ({"registration_number": "٤٥٢١"}, ["تعاونی‌های فرش دستباف دورود"]),
        ({"q": "فرش"}, ["تعاونی‌های فرش دستباف دورود"]),
    ],
)
def test_list_filters(
    anon: Client, registry: dict[str, Cooperative], params: dict[str, str], expected: list[str]
) -> None:
    _, body = get(anon, LIST, **params)
    assert [item["name"] for item in body["items"]] == expected


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "foo"}, "status"),
        ({"status": "founding"}, "status"),
        ({"county": "abc"}, "county"),
        ({"sector": "oil"}, "sector"),
        ({"province": "XX"}, "province"),
        ({"legal_national_id": "12"}, "legal_national_id"),
        ({"page": "abc"}, "page"),
        ({"page_size": "0"}, "page_size"),
    ],
)
def test_bad_parameters_are_422_in_the_error_shape(
    anon: Client, registry: dict[str, Cooperative], params: dict[str, str], field: str
) -> None:
    status, body = get(anon, LIST, **params)
    assert status == 422
    assert set(body) == {"message", "code", "extra"}
    assert body["code"] == "invalid"
    assert list(body["extra"]["fields"]) == [field]


def test_detail(anon: Client, registry: dict[str, Cooperative], members: Secrets) -> None:
    coop = registry["carpet"]
    status, body = get(anon, f"{LIST}/{coop.pk}")
    assert status == 200
    assert body["name"] == "تعاونی‌های فرش دستباف دورود"
    assert body["member_count"] == 4
    assert body["capital"] == {"subscribed": 40_000_000, "paid": 4_000_000}
    assert body["membership_kind"] == "public"
    assert body["status_history"] == []
    assert {"address", "postcode", "phone", "activity", "special_group"} <= set(body)


@pytest.mark.parametrize("which", ["founding", "unknown"])
def test_detail_404_for_founding_and_unknown(
    anon: Client, registry: dict[str, Cooperative], which: str
) -> None:
    pk = registry["founding"].pk if which == "founding" else 999_999
    status, body = get(anon, f"{LIST}/{pk}")
    assert status == 404
    assert body == {"message": "موردی یافت نشد.", "code": "not_found", "extra": {"fields": {}}}


def test_status_history_shows_dates_and_statuses_only(
    anon: Client, registry: dict[str, Cooperative], national_officer
) -> None:
    from taavon.registry.services.status import cooperative_status_change

    coop = registry["kaf"]
    cooperative_status_change(
        actor=national_officer,
        cooperative_id=coop.pk,
        to_status="inactive",
        reason="گزارش بازرس آقای حسن‌زادهٔ کرمانی",
    )
    _, body = get(anon, f"{LIST}/{coop.pk}")
    (event,) = body["status_history"]
    assert set(event) == {"status", "status_label", "at"}
    assert event["status"] == "inactive"
    assert "حسن‌زاده" not in json.dumps(body, ensure_ascii=False)


def test_no_personal_data_in_api_responses(
    client: Client, registry: dict[str, Cooperative], members: Secrets
) -> None:
    for url in (LIST, f"{LIST}?q=فرش", f"{LIST}/{registry['carpet'].pk}"):
        members.assert_absent(client.get(url).content.decode())


def test_list_queries_do_not_grow_with_results(
    anon: Client, dorud: County, count_queries: Callable
) -> None:
    def fill(start: int, stop: int) -> None:
        for i in range(start, stop):
            coop = make_coop(f"تعاونی API {i}", dorud, registration_number=str(i))
            admit(coop, 4000 + i, first="سامان", last="شمارشی")

    fill(0, 10)
    few = count_queries(lambda: anon.get(LIST, {"q": "API", "county": "dorud"}))
    fill(10, 60)
    many = count_queries(lambda: anon.get(LIST, {"q": "API", "county": "dorud"}))
    # county, (PostgreSQL: are there few matches? if so, the similar names' ids), count, page,
    # members: with many matches the similar names are not looked up, so one query fewer.
    assert many <= few <= 6


def test_sectors(anon: Client) -> None:
    status, body = get(anon, "/api/v1/registry/sectors")
    assert status == 200
    by_code = {s["code"]: s for s in body}
    assert len(by_code) == 15
    assert by_code["carpet"]["label_fa"] == "فرش دستباف"
    assert by_code["carpet"]["label_en"]
    assert all(any(ch.isascii() and ch.isalpha() for ch in s["label_en"]) for s in body)
