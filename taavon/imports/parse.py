"""From raw rows to member rows: find the header, refuse merged cells, parse every row.

Row numbers are the ones Excel shows (the header is usually row 1, the first member row 2);
empty rows are skipped but keep their numbers, so the report points at the right line.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.worksheet.cell_range import CellRange

from taavon.imports import values
from taavon.imports.columns import (
    HEADER_SEARCH_ROWS,
    Header,
    header_problems,
    looks_like_header,
    read_header,
)
from taavon.imports.problems import ImportRejected, Problem, file_problem
from taavon.imports.reader import RawRow, RawSheet
from taavon.persian import numbers
from taavon.registry.services.people import PersonData

Progress = Callable[[int, int | None], None]
_INVISIBLE: Final = " \t\r\n\xa0\u200b\u200c\u200d\u200e\u200f\ufeff"
PROGRESS_EVERY: Final = 500


def max_rows() -> int:
    return int(getattr(settings, "TAAVON_IMPORT_MAX_ROWS", 200_000))


@dataclass(slots=True)
class MemberRow:
    row: int
    national_id: str
    first_name: str
    last_name: str
    father_name: str
    birth_date: datetime.date | None
    gender: str
    mobile: str
    joined_on: datetime.date
    shares: int
    paid: int

    def person(self) -> PersonData:
        return PersonData(
            national_id=self.national_id,
            first_name=self.first_name,
            last_name=self.last_name,
            father_name=self.father_name,
            birth_date=self.birth_date,
            gender=self.gender,
            mobile=self.mobile,
        )


@dataclass
class Parsed:
    rows: list[MemberRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    header: Header | None = None
    data_rows: int = 0  # non-empty rows under the header, good or bad


def _blank(cells: Sequence[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip(_INVISIBLE)) for v in cells)


def _find_header(rows: Iterator[RawRow]) -> Header:
    first: Header | None = None
    for tried, (number, cells) in enumerate(((n, c) for n, c in rows if not _blank(c)), 1):
        header = read_header(number, cells)
        if looks_like_header(header):
            return header
        first = first or header
        if tried >= HEADER_SEARCH_ROWS:
            break
    if first is None:
        raise file_problem(_("فایل هیچ داده‌ای ندارد."))
    return first


def _merged_problems(merged: list[str], header: Header) -> list[Problem]:
    problems = []
    for ref in merged:
        cells = CellRange(ref)
        if cells.max_row >= header.row:
            problems.append(
                Problem(
                    cells.min_row,
                    "",
                    _(
                        "سلول‌های %(cells)s ادغام شده‌اند. ادغام را بردارید و مقدار هر ردیف را در سلول "
                        "خودش بنویسید."
                    )
                    % {"cells": ref},
                )
            )
    return problems


def parse_sheet(sheet: RawSheet, *, progress: Progress | None = None) -> Parsed:
    header = _find_header(sheet.rows)
    problems = header_problems(header) or _merged_problems(sheet.merged, header)
    if problems:
        raise ImportRejected(problems)
    parsed = Parsed(header=header)
    estimate = max(sheet.estimated_rows - header.row, 0) if sheet.estimated_rows else None
    first_seen: dict[str, int] = {}
    limit = max_rows()
    plan = _plan(header)
    for number, cells in sheet.rows:
        if _blank(cells):
            continue
        parsed.data_rows += 1
        if parsed.data_rows > limit:
            raise file_problem(
                _("فایل بیش از %(n)s ردیف دارد؛ آن را به چند فایل بخش کنید.")
                % {"n": numbers.number(limit)}
            )
        row = _parse_row(number, cells, plan, parsed.problems)
        if row is not None:
            earlier = first_seen.setdefault(row.national_id, number)
            if earlier != number:
                parsed.problems.append(
                    Problem(
                        number,
                        header.label("national_id"),
                        _("کد ملی تکراری است؛ در ردیف %(row)s هم آمده است.")
                        % {"row": numbers.digits(earlier)},
                    )
                )
            else:
                parsed.rows.append(row)
        if progress and parsed.data_rows % PROGRESS_EVERY == 0:
            progress(parsed.data_rows, estimate)
    if not parsed.data_rows:
        raise file_problem(_("زیر سرستون‌ها هیچ ردیف داده‌ای نیست."))
    if progress:
        progress(parsed.data_rows, parsed.data_rows)
    return parsed


def _parsers(today: datetime.date) -> tuple[tuple[str, Callable[[object], Any]], ...]:
    """The field parsers, in column order; dates are checked against one "today" per file."""
    return (
        ("national_id", values.national_id),
        ("first_name", lambda v: values.name(v, required=True)),
        ("last_name", lambda v: values.name(v, required=True)),
        ("father_name", lambda v: values.name(v, required=False)),
        ("birth_date", lambda v: values.jalali_date(v, required=False, today=today)),
        ("gender", values.gender),
        ("mobile", values.mobile),
        ("joined_on", lambda v: values.jalali_date(v, required=True, today=today)),
        ("shares", values.whole_number),
        ("paid", values.whole_number),
    )


Plan = list[tuple[str, int | None, str, Callable[[object], Any]]]


def _plan(header: Header) -> Plan:
    """Per field: its column index in this file, its header as written, its parser."""
    return [
        (key, header.positions.get(key), header.label(key), parse)
        for key, parse in _parsers(timezone.localdate())
    ]


def _parse_row(
    number: int,
    cells: Sequence[object],
    plan: Plan,
    problems: list[Problem],
) -> MemberRow | None:
    found: dict[str, Any] = {}
    labels: dict[str, str] = {}
    width = len(cells)
    failed = False
    for key, index, label, parse in plan:
        labels[key] = label
        value = cells[index] if index is not None and index < width else None
        try:
            found[key] = parse(value)
        except values.CellError as exc:
            problems.append(Problem(number, label, str(exc)))
            failed = True
    if failed:
        return None
    row = MemberRow(row=number, **found)
    if row.birth_date and row.joined_on < row.birth_date:
        problems.append(
            Problem(number, labels["joined_on"], _("تاریخ عضویت پیش از تاریخ تولد است."))
        )
        return None
    if row.paid and not row.shares:
        problems.append(
            Problem(
                number, labels["paid"], _("پرداخت بدون تعهد سهام ممکن نیست؛ سهام تعهدی را بنویسید.")
            )
        )
        return None
    return row
