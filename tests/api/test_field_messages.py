"""Field errors in a 422 are in the active language, not pydantic's English."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from taavon.api.field_messages import field_message

pytestmark = pytest.mark.django_db


def test_a_lower_bound_names_its_limit_in_persian_digits() -> None:
    body = Client().get("/api/v1/geo/provinces?page=0").json()
    assert body["extra"]["fields"]["page"] == ["باید دست‌کم ۱ باشد."]


def test_a_non_integer_is_named_as_such() -> None:
    body = Client().get("/api/v1/geo/provinces?page=abc").json()
    assert body["extra"]["fields"]["page"] == ["باید عدد صحیح باشد."]


def test_english_when_english_is_chosen() -> None:
    client = Client()
    client.cookies["taavon_language"] = "en"
    body = client.get("/api/v1/geo/provinces?page=0").json()
    assert body["extra"]["fields"]["page"] == ["Must be at least 1."]


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        ({"type": "missing"}, "این فیلد الزامی است."),
        ({"type": "string_too_long", "ctx": {"max_length": 100}}, "حداکثر ۱۰۰ نویسه مجاز است."),
        (
            {"type": "literal_error", "ctx": {"expected": "'a' or 'b'"}},
            "مقدار مجاز نیست؛ یکی از این‌ها را بفرستید: 'a' or 'b'",
        ),
        (
            {"type": "value_error", "ctx": {"error": ValueError("کد ملی معتبر نیست.")}},
            "کد ملی معتبر نیست.",
        ),
        ({"type": "greater_than", "ctx": {}}, "مقدار نامعتبر است."),  # limit missing
        ({"type": "something_new", "msg": "Input is odd"}, "مقدار نامعتبر است."),
    ],
)
def test_each_error_type(error: dict, expected: str) -> None:
    with translation.override("fa"):
        assert field_message(error) == expected
