"""The member and capital registers as xlsx: right-to-left sheets, a bold header row, numbers
as numbers and Jalali dates as text (Excel has no Jalali calendar). Written in openpyxl's
write-only mode, so a register of any size streams through in constant memory."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable, Sequence

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from taavon.documents.data import capital_register, register_rows
from taavon.persian.jalali import format_jalali
from taavon.registry.models import Cooperative

BOLD = Font(bold=True)
FILL = PatternFill("solid", fgColor="E8F5E9")


def _sheet(
    workbook: Workbook, title: str, header: Sequence[str], widths: Sequence[int]
) -> WriteOnlyWorksheet:
    sheet = workbook.create_sheet(title[:31])
    sheet.sheet_view.rightToLeft = True
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill = BOLD, FILL
        cells.append(cell)
    sheet.append(cells)
    return sheet


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _jalali(value: datetime.date | None) -> str:
    return format_jalali(value, persian_digits=False) if value else ""


def member_register_xlsx(cooperative: Cooperative) -> bytes:
    workbook = Workbook(write_only=True)
    header = [
        _("شمارهٔ عضویت"),
        _("نام"),
        _("نام خانوادگی"),
        _("نام پدر"),
        _("کد ملی"),
        _("تاریخ عضویت"),
        _("وضعیت"),
        _("تاریخ خروج"),
    ]
    sheet = _sheet(workbook, _("دفتر اعضا"), header, (12, 16, 20, 16, 14, 14, 12, 14))
    rows: Iterable[list[object]] = (
        [
            r.register_number,
            r.first_name,
            r.last_name,
            r.father_name,
            r.national_id,
            _jalali(r.joined_on),
            r.status_label,
            _jalali(r.exit_date),
        ]
        for r in register_rows(cooperative.pk)
    )
    for row in rows:
        sheet.append(row)
    return _save(workbook)


def capital_register_xlsx(cooperative: Cooperative) -> bytes:
    register = capital_register(cooperative.pk)
    workbook = Workbook(write_only=True)
    header = [
        _("شمارهٔ عضویت"),
        _("نام و نام خانوادگی"),
        _("وضعیت"),
        _("نوع سهم"),
        _("تعداد سهام"),
        _("تعهدی (ریال)"),
        _("پرداختی (ریال)"),
        _("مانده (ریال)"),
    ]
    sheet = _sheet(workbook, _("دفتر سرمایه"), header, (12, 26, 12, 14, 12, 18, 18, 18))
    for line in register.lines:
        b = line.balance
        sheet.append(
            [
                line.register_number,
                line.full_name,
                line.status,
                line.share_class.name,
                b.shares,
                b.subscribed,
                b.paid,
                b.outstanding,
            ]
        )
    total = register.total
    label = WriteOnlyCell(sheet, value=_("جمع کل"))
    label.font = BOLD
    sheet.append(
        [label, None, None, None, total.shares, total.subscribed, total.paid, total.outstanding]
    )
    return _save(workbook)
