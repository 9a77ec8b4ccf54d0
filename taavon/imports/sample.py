"""The sample member list offered for download: the right headers, text-formatted ID columns,
and a guide sheet (the importer reads only the first sheet)."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from taavon.imports.columns import COLUMNS
from taavon.persian import numbers

TEXT_COLUMNS = {"national_id", "mobile", "birth_date", "joined_on"}
EXAMPLE = {
    "national_id": "0084575948",
    "first_name": "رضا",
    "last_name": "سپهوند",
    "father_name": "محمد",
    "birth_date": "1365/04/12",
    "gender": "مرد",
    "mobile": "09161234567",
    "joined_on": "1402/05/01",
    "shares": 10,
    "paid": 500000,
}


def sample_workbook() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("اعضا")
    sheet.sheet_view.rightToLeft = True
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8F5E9")
    sheet.append([c.label for c in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = bold, fill
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(14, len(column.label) + 6)
        if column.key in TEXT_COLUMNS:  # keep leading zeros and slashes as typed
            for row in range(2, 1002):
                sheet.cell(row=row, column=index).number_format = "@"
    sheet.freeze_panes = "A2"

    guide = workbook.create_sheet(_("راهنما"))
    guide.sheet_view.rightToLeft = True
    guide.append([_("ستون"), _("لازم"), _("توضیح"), _("نمونه")])
    for cell in guide[1]:
        cell.font = bold
    for column in COLUMNS:
        example = EXAMPLE[column.key]
        guide.append(
            [
                column.label,
                _("بله") if column.required else _("خیر"),
                str(column.hint),
                numbers.digits(example),
            ]
        )
    guide.append([])
    guide.append(
        [
            _(
                "هر ردیف یک عضو. ردیف‌های خالی نادیده گرفته می‌شوند. سلول‌ها را ادغام "
                "نکنید. تاریخ‌ها شمسی‌اند. ارقام فارسی و انگلیسی هر دو پذیرفته‌اند."
            )
        ]
    )
    for letter, width in zip("ABCD", (18, 8, 45, 18), strict=True):
        guide.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
