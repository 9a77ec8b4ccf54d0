"""Exports of the current search results: CSV (UTF-8 with BOM, streamed) and xlsx (RTL)."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from taavon.geo.models import County
from taavon.registry.models import Cooperative
from taavon.web.views import public as public_views
from tests.registry.public.conftest import Secrets, make_coop

pytestmark = pytest.mark.django_db

EXPORT = reverse("web:public-export")


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_csv_has_a_bom_persian_headers_and_the_results(
    anon: Client, registry: dict[str, Cooperative], members: Secrets
) -> None:
    response = anon.get(EXPORT, {"q": "تعاونیها", "format": "csv"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="taavon-cooperatives-' in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert header[:3] == ["شناسه", "نام", "استان"]
    assert rows == [
        [
            str(registry["carpet"].pk),
            "تعاونی‌های فرش دستباف دورود",
            "لرستان",
            "دورود",
            "فرش دستباف",
            "تولیدی",
            "ثبت‌شده و فعال",
            "4521",
            "1402/01/01",
            "10860123456",
            "4",
        ]
    ]


def test_csv_without_a_query_has_every_public_cooperative_and_no_founding_one(
    anon: Client, registry: dict[str, Cooperative]
) -> None:
    _header, *rows = csv_rows(anon.get(EXPORT))
    assert sorted(r[1] for r in rows) == sorted(
        ["تعاونی‌های فرش دستباف دورود", "تعاونی کشاورزی یاسوکند", "تعاونی گردشگری لرستان"]
    )


def test_xlsx_is_right_to_left_with_the_results(
    anon: Client, registry: dict[str, Cooperative], members: Secrets
) -> None:
    response = anon.get(EXPORT, {"sector": "carpet", "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.sheet_view.rightToLeft is True
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0][1] == "نام"
    assert [r[1] for r in values[1:]] == ["تعاونی‌های فرش دستباف دورود"]
    assert values[1][-1] == 4


def test_exports_carry_no_personal_data(
    anon: Client, registry: dict[str, Cooperative], members: Secrets
) -> None:
    body = b"".join(anon.get(EXPORT, {"format": "csv"}).streaming_content).decode()
    members.assert_absent(body)
    sheet = load_workbook(io.BytesIO(anon.get(EXPORT, {"format": "xlsx"}).content)).active
    members.assert_absent(repr(list(sheet.iter_rows(values_only=True))))


def test_exports_are_capped(anon: Client, dorud: County, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(5):
        make_coop(f"تعاونی سقف {i}", dorud)
    original = public_views.public_rows_iter
    monkeypatch.setattr(
        public_views, "public_rows_iter", lambda filters: original(filters, limit=3, chunk=2)
    )
    _header, *rows = csv_rows(anon.get(EXPORT, {"q": "سقف"}))
    assert len(rows) == 3


def test_formula_like_names_are_quoted(anon: Client, dorud: County) -> None:
    make_coop("=HYPERLINK(1)", dorud)
    _header, *rows = csv_rows(anon.get(EXPORT))
    assert rows[0][1] == "'=HYPERLINK(1)"


def test_bad_filters_are_refused(anon: Client, registry: dict[str, Cooperative]) -> None:
    response = anon.get(EXPORT, {"status": "foo", "format": "csv"})
    assert response.status_code == 422
    assert "مقدار «foo» مجاز نیست." in response.content.decode()


def test_unknown_format_is_404(anon: Client, registry: dict[str, Cooperative]) -> None:
    assert anon.get(EXPORT, {"format": "pdf"}).status_code == 404
