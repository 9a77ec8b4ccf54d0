"""Provinces and counties endpoints, with page-number pagination."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ERROR_KEYS = {"message", "code", "extra"}


@pytest.fixture
def client() -> Client:
    return Client()


def test_provinces_first_page(client: Client) -> None:
    body = client.get("/api/v1/geo/provinces").json()
    assert (body["count"], body["page"], body["page_size"], body["pages"]) == (31, 1, 50, 1)
    assert len(body["items"]) == 31
    lorestan = next(p for p in body["items"] if p["code"] == "IR-15")
    assert lorestan == {
        "code": "IR-15",
        "name_fa": "لرستان",
        "name_en": "Lorestan",
        "population_1395": 1760649,
        "county_count": 11,
    }


def test_provinces_pages(client: Client) -> None:
    pages = [
        client.get("/api/v1/geo/provinces", {"page": n, "page_size": 10}).json()
        for n in (1, 2, 3, 4, 5)
    ]
    assert [len(p["items"]) for p in pages] == [10, 10, 10, 1, 0]
    assert {p["pages"] for p in pages} == {4}
    codes = [item["code"] for p in pages for item in p["items"]]
    assert codes == sorted(codes) and len(set(codes)) == 31


def test_counties_of_a_province(client: Client) -> None:
    body = client.get("/api/v1/geo/counties", {"province": "ir-15", "page_size": 5}).json()
    assert (body["count"], body["pages"], len(body["items"])) == (11, 3, 5)
    assert {c["province_code"] for c in body["items"]} == {"IR-15"}
    assert set(body["items"][0]) == {
        "id",
        "slug",
        "name_fa",
        "name_en",
        "population_1395",
        "province_code",
    }


def test_counties_of_an_unknown_province_is_an_empty_page(client: Client) -> None:
    body = client.get("/api/v1/geo/counties", {"province": "IR-99"}).json()
    assert (body["count"], body["items"], body["pages"]) == (0, [], 1)


@pytest.mark.parametrize("path", ["/api/v1/geo/provinces", "/api/v1/geo/counties"])
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page": 0}, "page"),
        ({"page": -1}, "page"),
        ({"page": "abc"}, "page"),
        ({"page_size": 10000}, "page_size"),
        ({"page_size": 0}, "page_size"),
    ],
)
def test_bad_pagination_is_a_422_with_the_error_shape(
    client: Client, path: str, params: dict, field: str
) -> None:
    response = client.get(path, params)
    assert response.status_code == 422
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["message"] == "ورودی نامعتبر است."
    assert body["code"] == "invalid"
    assert list(body["extra"]["fields"]) == [field]


def test_geography_needs_no_login(client: Client) -> None:
    assert client.get("/api/v1/geo/counties").status_code == 200


def test_query_count_does_not_grow_with_page_size(
    client: Client, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(3):
        client.get("/api/v1/geo/counties", {"page_size": 11})
    with django_assert_max_num_queries(3):
        client.get("/api/v1/geo/provinces", {"page_size": 31})


@pytest.mark.parametrize("bad", ["لرستان", "IR-1", "IR-015", "IR-۱۵", " IR-15", "15"])
def test_province_filter_takes_an_iso_code(client: Client, bad: str) -> None:
    response = client.get("/api/v1/geo/counties", {"province": bad})
    assert response.status_code == 422
    assert list(response.json()["extra"]["fields"]) == ["province"]
