"""The registers as xlsx: right to left, bold header, numbers as numbers, Jalali as text."""

from __future__ import annotations

import io

import openpyxl

from taavon.documents import xlsx
from taavon.registry.models import Cooperative, Membership


def load(data: bytes) -> openpyxl.worksheet.worksheet.Worksheet:
    return openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]


def test_member_register(registered: Cooperative, members: list[Membership]) -> None:
    sheet = load(xlsx.member_register_xlsx(registered))

    assert sheet.sheet_view.rightToLeft is True
    assert sheet["A1"].value == "شمارهٔ عضویت" and all(c.font.b for c in sheet[1])
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 5
    first = members[0]
    assert rows[0] == (
        1,
        "رضا",
        "سپهوند",
        "محمد",
        first.person.national_id,
        "1399/01/02",
        "عضو",
        None,
    )
    assert rows[4][6:] == ("مستعفی", "1402/10/20")
    assert isinstance(rows[0][0], int)


def test_capital_register(registered: Cooperative, members: list[Membership]) -> None:
    sheet = load(xlsx.capital_register_xlsx(registered))

    assert sheet.sheet_view.rightToLeft is True and sheet["E1"].font.b
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0] == (1, "رضا سپهوند", "عضو", "سهم عادی", 10, 10_000_000, 5_000_000, 5_000_000)
    assert rows[-1] == ("جمع کل", None, None, None, 46, 46_000_000, 20_000_000, 26_000_000)
    assert len(rows) == 5  # four holders and the total; the member who left holds nothing


def test_registers_read_in_constant_queries(
    registered: Cooperative, members: list[Membership], django_assert_num_queries
) -> None:
    with django_assert_num_queries(1):
        xlsx.member_register_xlsx(registered)
    with django_assert_num_queries(3):
        xlsx.capital_register_xlsx(registered)
