"""The columns of a member list and how the header row of a file is recognised.

Offices name their columns in many ways (کدملی, کد ملی, «شماره ملی», national_id …), so each
column has a canonical Persian header and aliases. Headers are compared by `search_key`, which
ignores spaces, ZWNJ, punctuation, case, Arabic letter forms and digits' script; text in
parentheses is ignored too, so «تاریخ عضویت (شمسی)» is «تاریخ عضویت».
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from taavon.imports.problems import Problem
from taavon.persian import numbers
from taavon.persian.text import normalize, search_key


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the canonical Persian header (also used in the sample template)
    aliases: tuple[str, ...] = ()
    required: bool = False
    hint: str | Promise = ""


COLUMNS: Final = (
    Column(
        "national_id",
        "کد ملی",
        ("شماره ملی", "کد ملی عضو", "national id", "nid"),
        True,
        hint=gettext_lazy("۱۰ رقم؛ صفرهای ابتدا را هم بنویسید"),
    ),
    Column("first_name", "نام", ("نام عضو", "first name", "given name"), True),
    Column(
        "last_name",
        "نام خانوادگی",
        ("فامیلی", "نام فامیلی", "last name", "surname", "family name"),
        True,
    ),
    Column("father_name", "نام پدر", ("father name", "father")),
    Column(
        "birth_date",
        "تاریخ تولد",
        ("birth date", "birthdate", "date of birth"),
        hint=gettext_lazy("شمسی، مثلاً ۱۳۶۵/۰۴/۱۲"),
    ),
    Column("gender", "جنسیت", ("جنس", "gender", "sex"), hint=gettext_lazy("زن یا مرد")),
    Column(
        "mobile",
        "تلفن همراه",
        ("موبایل", "شماره همراه", "شماره موبایل", "همراه", "mobile", "cell"),
        hint=gettext_lazy("مثلاً ۰۹۱۶۱۲۳۴۵۶۷"),
    ),
    Column(
        "joined_on",
        "تاریخ عضویت",
        ("تاریخ پذیرش", "joined on", "join date"),
        True,
        hint=gettext_lazy("شمسی، لازم"),
    ),
    Column(
        "shares",
        "سهام تعهدی",
        ("تعداد سهام", "تعداد سهام تعهدی", "سهام", "shares"),
        hint=gettext_lazy("تعداد سهم از نوع سهم پیش‌فرض تعاونی"),
    ),
    Column(
        "paid",
        "مبلغ پرداختی",
        ("سرمایه پرداختی", "پرداختی", "مبلغ پرداخت شده", "paid"),
        hint=gettext_lazy("به ریال؛ بیشتر از مبلغ تعهد نباشد"),
    ),
)
BY_FIELD: Final = {column.key: column for column in COLUMNS}
_BRACKETED: Final = re.compile(r"[(\[{][^)\]}]*[)\]}]")
HEADER_SEARCH_ROWS: Final = 10  # a title or notes may sit above the header row


def header_key(text: object) -> str:
    if text is None:
        return ""
    return search_key(_BRACKETED.sub(" ", normalize(str(text))))


_ALIASES: Final = {
    header_key(name): column
    for column in COLUMNS
    for name in (column.label, column.key, *column.aliases)
}


@dataclass
class Header:
    """Where each known column sits in the file (0-based), and the header text as written."""

    row: int
    positions: dict[str, int] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    found: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)

    @property
    def missing(self) -> list[Column]:
        return [c for c in COLUMNS if c.required and c.key not in self.positions]

    def label(self, key: str) -> str:
        return self.labels.get(key, BY_FIELD[key].label)


def read_header(row_number: int, values: Sequence[object]) -> Header:
    header = Header(row=row_number)
    for index, value in enumerate(values):
        text = normalize(str(value)) if value is not None else ""
        if not text:
            continue
        header.found.append(text)
        column = _ALIASES.get(header_key(text))
        if column is None:
            continue
        if column.key in header.positions:
            header.duplicates.append(text)
            continue
        header.positions[column.key] = index
        header.labels[column.key] = text
    return header


def looks_like_header(header: Header) -> bool:
    return len(header.positions) >= 2 and any(BY_FIELD[k].required for k in header.positions)


def header_problems(header: Header) -> list[Problem]:
    problems = []
    if header.missing:
        problems.append(
            Problem(
                header.row,
                "",
                _("ستون‌های لازم پیدا نشد: %(missing)s. سرستون‌های موجود در ردیف %(row)s: %(found)s.")
                % {
                    "missing": "، ".join(c.label for c in header.missing),
                    "row": numbers.digits(header.row),
                    "found": "، ".join(header.found) or _("(ردیف خالی)"),
                },
            )
        )
    for text in header.duplicates:
        problems.append(Problem(header.row, text, _("این ستون دو بار آمده است.")))
    return problems
