"""The API describes itself: OpenAPI JSON and the interactive docs."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi() -> dict:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_openapi_lists_the_foundation_paths(openapi: dict) -> None:
    assert openapi["openapi"].startswith("3.")
    assert openapi["info"]["version"] == "1.0.0"
    assert {
        "/api/v1/geo/provinces",
        "/api/v1/geo/counties",
        "/api/v1/me",
        "/api/v1/me/tokens",
        "/api/v1/me/tokens/{token_id}",
        "/api/v1/me/notifications",
        "/api/v1/audit/events",
    } <= set(openapi["paths"])


def test_openapi_documents_both_ways_to_authenticate(openapi: dict) -> None:
    schemes = openapi["components"]["securitySchemes"]
    assert schemes["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    assert schemes["SessionAuth"]["in"] == "cookie"
    me = openapi["paths"]["/api/v1/me"]["get"]
    assert {"TokenAuth": []} in me["security"]
    assert "security" not in openapi["paths"]["/api/v1/geo/provinces"]["get"]


def test_openapi_documents_the_error_shape(openapi: dict) -> None:
    error = openapi["components"]["schemas"]["ErrorOut"]
    assert set(error["properties"]) == {"message", "code", "extra"}
    for path in ("/api/v1/geo/provinces", "/api/v1/geo/counties"):
        assert "422" in openapi["paths"][path]["get"]["responses"]


def test_paginated_responses_are_described(openapi: dict) -> None:
    paged = openapi["components"]["schemas"]["PagedProvinceOut"]
    assert {"items", "count", "page", "page_size", "pages"} <= set(paged["properties"])


def test_persian_is_not_escaped_on_the_wire() -> None:
    body = Client().get("/api/v1/geo/provinces?page_size=31").content.decode()
    assert "لرستان" in body
    assert "\\u06" not in body


def test_docs_page() -> None:
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    assert "openapi.json" in response.content.decode()
