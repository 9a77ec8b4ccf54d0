"""Every API error has exactly the keys message, code and extra (with extra.fields)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from taavon.accounts.models import User

pytestmark = pytest.mark.django_db

KEYS = {"message", "code", "extra"}


def assert_shape(response, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == KEYS
    assert body["code"] == code
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["extra"]["fields"], dict)
    return body


def test_validation_error(db: None) -> None:
    body = assert_shape(Client().get("/api/v1/geo/provinces?page=0"), 422, "invalid")
    assert body["extra"]["fields"]["page"]


def test_unauthenticated(db: None) -> None:
    assert_shape(Client().get("/api/v1/me/tokens"), 401, "unauthenticated")


def test_application_error(member: User, bearer: Callable[[User], dict[str, str]]) -> None:
    response = Client(headers=bearer(member)).post(
        "/api/v1/me/tokens", {"name": " "}, content_type="application/json"
    )
    body = assert_shape(response, 400, "invalid")
    assert body["message"] == "نام توکن باید بین ۱ تا ۱۰۰ نویسه باشد."


def test_unparseable_json_body(member: User, bearer: Callable[[User], dict[str, str]]) -> None:
    response = Client(headers=bearer(member)).post(
        "/api/v1/me/tokens", "{not json", content_type="application/json"
    )
    body = assert_shape(response, 400, "bad_request")
    assert "درخواست" in body["message"]


def test_not_found(member: User, bearer: Callable[[User], dict[str, str]]) -> None:
    response = Client(headers=bearer(member)).delete("/api/v1/me/tokens/424242")
    assert_shape(response, 404, "not_found")


def test_unknown_api_url_is_a_json_404(db: None) -> None:
    body = assert_shape(Client().get("/api/v1/no-such-thing"), 404, "not_found")
    assert body["message"] == "موردی یافت نشد."


def test_wrong_method_is_a_json_405(db: None) -> None:
    response = Client().post("/api/v1/geo/provinces")
    assert_shape(response, 405, "method_not_allowed")
    assert "GET" in response["Allow"]


def test_unexpected_exception_is_a_500_without_details(
    member: User, bearer: Callable[[User], dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(**kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("taavon.accounts.selectors.user_tokens", explode)
    response = Client(headers=bearer(member)).get("/api/v1/me/tokens")
    body = assert_shape(response, 500, "server_error")
    assert "secret internals" not in response.content.decode()
    assert body["message"] == "خطای داخلی سامانه. دوباره تلاش کنید."


def test_nul_character_in_a_query_is_a_422(db: None) -> None:
    # PostgreSQL cannot compare text with NUL: this used to be a 500 there.
    body = assert_shape(Client().get("/api/v1/geo/counties?province=IR%0015"), 422, "invalid")
    assert list(body["extra"]["fields"]) == ["province"]


def test_nul_character_in_a_json_body_is_a_422(
    member: User, bearer: Callable[[User], dict[str, str]]
) -> None:
    from taavon.accounts.models import ApiToken

    client = Client(headers=bearer(member))
    before = ApiToken.objects.count()
    response = client.post(
        "/api/v1/me/tokens", '{"name": "a\\u0000b"}', content_type="application/json"
    )
    assert_shape(response, 422, "invalid")
    assert ApiToken.objects.count() == before


def test_the_api_root_is_a_json_404(db: None) -> None:
    assert_shape(Client().get("/api/v1/"), 404, "not_found")


def test_a_body_over_the_upload_limit_is_a_shaped_413(
    member: User, bearer: Callable[[User], dict[str, str]], settings
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    response = Client(headers=bearer(member)).post(
        "/api/v1/me/tokens", {"name": "x" * 5_000}, content_type="application/json"
    )
    body = assert_shape(response, 413, "too_large")
    assert "اندازهٔ مجاز" in body["message"]
