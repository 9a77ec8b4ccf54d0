"""Row by row: each bad cell is reported with the row Excel shows and the column header."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from taavon.core.permissions import SYSTEM
from taavon.imports.engine import commit, dry_run
from taavon.registry.models import Cooperative, Membership, Person
from tests.factories import national_id
from tests.imports.conftest import HEADER, member_row, messages, rows, source


def problems_for(coop: Cooperative, xlsx, bad: list[Any]) -> list[tuple[int | None, str, str]]:
    """The problems when row 3 of the sheet (the second member) is `bad`."""
    data = [member_row(1), bad, *rows(3, start=3)]
    outcome = dry_run(source(xlsx(data)), coop.pk)
    return [(p.row, p.column, p.message) for p in outcome.problems]


@pytest.mark.parametrize(
    ("field", "value", "column", "message"),
    [
        ("national_id", "0084575949", "کد ملی", "کد ملی معتبر نیست."),
        ("national_id", "12345", "کد ملی", "کد ملی باید ۱۰ رقم باشد."),
        ("national_id", None, "کد ملی", "خالی است."),
        ("first_name", None, "نام", "خالی است."),
        ("last_name", "   ", "نام خانوادگی", "خالی است."),
        ("last_name", "۱۲۳", "نام خانوادگی", "نام باید حرف داشته باشد."),
        ("first_name", "ا" * 101, "نام", "بیش از ۱۰۰ نویسه است."),
        ("joined_on", None, "تاریخ عضویت", "خالی است."),
        ("joined_on", "دیروز", "تاریخ عضویت", "تاریخ را به شکل سال/ماه/روز وارد کنید"),
        ("joined_on", "1403/12/31", "تاریخ عضویت", "این تاریخ در تقویم وجود ندارد."),
        ("joined_on", "1499/01/01", "تاریخ عضویت", "تاریخ در آینده است."),
        ("joined_on", "2023-07-23", "تاریخ عضویت", "تاریخ باید شمسی باشد"),
        ("joined_on", "1360/01/01", "تاریخ عضویت", "تاریخ عضویت پیش از تاریخ تولد است."),
        ("birth_date", "1365/13/01", "تاریخ تولد", "این تاریخ در تقویم وجود ندارد."),
        ("gender", "نامعلوم", "جنسیت", "«نامعلوم» پذیرفته نیست"),
        ("mobile", "02133445566", "تلفن همراه", "شماره تلفن همراه معتبر نیست"),
        ("shares", 2.5, "سهام تعهدی", "باید عدد صحیح باشد."),
        ("shares", "ده", "سهام تعهدی", "«ده» عدد نیست."),
        ("shares", -3, "سهام تعهدی", "نباید منفی باشد."),
        ("paid", "۱۰۰٫۵", "مبلغ پرداختی", "باید عدد صحیح باشد."),
        ("paid", -1000, "مبلغ پرداختی", "نباید منفی باشد."),
        ("paid", 10**16, "مبلغ پرداختی", "بیش از حد بزرگ است."),
    ],
)
def test_bad_cell(
    coop: Cooperative, xlsx, field: str, value: Any, column: str, message: str
) -> None:
    bad = member_row(2, **{field: value})

    (problem,) = problems_for(coop, xlsx, bad)

    assert problem[:2] == (3, column)
    assert message in problem[2]


def test_paid_without_shares(coop: Cooperative, xlsx) -> None:
    (problem,) = problems_for(coop, xlsx, member_row(2, shares=None, paid=1000))

    assert problem[:2] == (3, "مبلغ پرداختی")
    assert "پرداخت بدون تعهد" in problem[2]


def test_every_bad_cell_of_a_row_is_reported(coop: Cooperative, xlsx) -> None:
    bad = member_row(2, national_id="1", first_name="", joined_on="x", gender="؟")

    columns = [p[1] for p in problems_for(coop, xlsx, bad)]

    assert columns == ["کد ملی", "نام", "جنسیت", "تاریخ عضویت"]


def test_empty_rows_are_skipped_and_row_numbers_stay_true(coop: Cooperative, xlsx) -> None:
    data = [
        member_row(1),
        [None] * 10,
        ["", " ", "\u200c"],
        member_row(2),
        [],
        member_row(3, national_id="bad"),
        member_row(4),
        member_row(5),
    ]

    outcome = dry_run(source(xlsx(data)), coop.pk)

    assert outcome.data_rows == 5
    assert [(p.row, p.column) for p in outcome.problems] == [(7, "کد ملی")]


def test_duplicate_national_id_within_the_file(coop: Cooperative, xlsx) -> None:
    same = national_id(77)
    data = [
        member_row(1, national_id=same),
        *rows(3, start=2),
        member_row(9, national_id=" ۰" + same[1:]),
    ]

    outcome = dry_run(source(xlsx(data)), coop.pk)

    (problem,) = outcome.problems
    assert (problem.row, problem.column) == (6, "کد ملی")
    assert "در ردیف ۲ هم آمده است" in problem.message


def test_persian_digits_and_arabic_letters_are_normalised(coop: Cooperative, xlsx) -> None:
    nid = national_id(4242)
    persian = nid.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    arabic = "٠٩١٦١٢٣٤٥٦٧"
    data = [
        member_row(
            1,
            national_id=persian,
            first_name="علي",
            last_name="كاكاوند\u200c\u200c ",
            father_name=" يوسف  ",
            mobile=arabic,
            joined_on="۱۴۰۲/۰۵/۰۱",
            birth_date="١٣٦٥-٤-١٢",
            gender="مؤنث",
            shares="۱۰",
            paid="۵۰۰٬۰۰۰",
        ),
        *rows(3, start=2),
    ]

    outcome = commit(source(xlsx(data)), coop.pk, actor=SYSTEM, reference="t")

    assert outcome.ok, messages(outcome.problems)
    person = Person.objects.get(national_id=nid)
    assert (person.first_name, person.last_name, person.father_name) == ("علی", "کاکاوند", "یوسف")
    assert person.mobile == "+989161234567"
    assert person.gender == "female"
    assert person.birth_date == datetime.date(1986, 7, 3)
    membership = Membership.objects.get(person=person)
    assert membership.joined_on == datetime.date(2023, 7, 23)


def test_national_id_in_a_numeric_cell_gets_its_zeros_back(coop: Cooperative, xlsx) -> None:
    nid = "0084575948"
    data = [member_row(1, national_id=int(nid), mobile=9161234567), *rows(3, start=2)]

    outcome = commit(source(xlsx(data)), coop.pk, actor=SYSTEM, reference="t")

    assert outcome.ok, messages(outcome.problems)
    assert Person.objects.get(national_id=nid).mobile == "+989161234567"


def test_dates_as_excel_dates_and_compact_numbers(coop: Cooperative, xlsx) -> None:
    data = [
        member_row(1, joined_on=datetime.datetime(2023, 7, 23), birth_date=13650412),
        *rows(3, start=2),
    ]

    outcome = commit(source(xlsx(data)), coop.pk, actor=SYSTEM, reference="t")

    assert outcome.ok, messages(outcome.problems)
    person = Person.objects.get(national_id=data[0][0])
    assert person.birth_date == datetime.date(1986, 7, 3)
    assert Membership.objects.get(person=person).joined_on == datetime.date(2023, 7, 23)


def test_merged_cells_in_the_data_are_named(coop: Cooperative, xlsx) -> None:
    path = xlsx(rows(5), merge=["H3:H4", "B6:C6"])

    outcome = dry_run(source(path), coop.pk)

    assert [(p.row, p.message.split()[1]) for p in outcome.problems] == [(3, "H3:H4"), (6, "B6:C6")]
    assert "ادغام را بردارید" in outcome.problems[0].message


def test_too_many_rows(coop: Cooperative, xlsx, settings) -> None:
    settings.TAAVON_IMPORT_MAX_ROWS = 3

    (problem,) = dry_run(source(xlsx(rows(4))), coop.pk).problems

    assert "بیش از ۳ ردیف" in problem.message


def test_the_row_limit_has_the_persian_thousands_separator(
    coop: Cooperative, csv_file, settings
) -> None:
    settings.TAAVON_IMPORT_MAX_ROWS = 1_000

    (problem,) = dry_run(source(csv_file(rows(1_001))), coop.pk).problems

    assert "بیش از ۱٬۰۰۰ ردیف" in problem.message  # was «۱,۰۰۰», a Latin comma


def test_the_header_is_also_matched_in_csv(coop: Cooperative, csv_file) -> None:
    outcome = dry_run(
        source(csv_file([member_row(1, national_id="x"), *rows(4, start=2)])), coop.pk
    )

    assert [(p.row, p.column) for p in outcome.problems] == [(2, HEADER[0])]


def test_a_cached_date_message_follows_the_language() -> None:
    from django.utils import translation

    from taavon.imports import values

    messages = []
    for language in ("fa", "en", "fa"):
        with translation.override(language), pytest.raises(values.CellError) as caught:
            values.jalali_date("2024/01/01", required=True)
        messages.append(str(caught.value))
    assert messages[0] == messages[2] != messages[1]
    assert "شمسی" in messages[0] and "شمسی" not in messages[1]
