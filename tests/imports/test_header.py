"""Finding the header row: aliases, spelling variants, a title above it, missing columns."""

from __future__ import annotations

from taavon.imports.engine import dry_run
from taavon.registry.models import Cooperative
from tests.imports.conftest import HEADER, messages, rows, source


def test_missing_columns_are_named_with_the_headers_found(coop: Cooperative, xlsx) -> None:
    header = ["کد ملی", "نام", "فامیل", "تاریخ ورود"]

    outcome = dry_run(source(xlsx([r[:4] for r in rows(3)], header=header)), coop.pk)

    (problem,) = outcome.problems
    assert problem.row == 1
    assert "ستون‌های لازم پیدا نشد: نام خانوادگی، تاریخ عضویت" in problem.message
    assert "کد ملی، نام، فامیل، تاریخ ورود" in problem.message


def test_a_file_without_any_known_header(coop: Cooperative, xlsx) -> None:
    outcome = dry_run(source(xlsx([["a", "b"]], header=["x", "y"])), coop.pk)

    (problem,) = outcome.problems
    assert "ستون‌های لازم پیدا نشد" in problem.message
    assert "x، y" in problem.message


def test_english_headers_are_accepted(coop: Cooperative, xlsx) -> None:
    header = [
        "National ID",
        "First Name",
        "last_name",
        "Father",
        "Birth Date",
        "Gender",
        "Mobile",
        "Joined On",
        "Shares",
        "Paid",
    ]

    assert dry_run(source(xlsx(rows(4), header=header)), coop.pk).ok


def test_header_spelling_variants(coop: Cooperative, xlsx) -> None:
    """No space, ZWNJ, Arabic yeh/kaf, extra spaces, hints in parentheses, Persian digits."""
    header = [
        "كدملي",
        "نام ",
        "نام\u200cخانوادگی",
        "نام  پدر",
        "تاریخ تولد (شمسی)",
        "جنسیت",
        "موبایل",
        "تاریخ عضویت*",
        "تعداد سهام",
        "مبلغ پرداختی (ریال)",
    ]

    outcome = dry_run(source(xlsx(rows(4), header=header)), coop.pk)

    assert outcome.ok, messages(outcome.problems)


def test_title_rows_above_the_header(coop: Cooperative, xlsx) -> None:
    path = xlsx(
        rows(4),
        before=[["فهرست اعضای تعاونی فرش"], [], ["تاریخ تهیه: ۱۴۰۳/۰۱/۱۰"]],
        merge=["A1:E1"],
    )

    outcome = dry_run(source(path), coop.pk)

    assert outcome.ok, messages(outcome.problems)
    assert outcome.data_rows == 4


def test_column_order_does_not_matter(coop: Cooperative, xlsx) -> None:
    order = [7, 0, 2, 1, 9, 8, 3, 4, 5, 6]
    data = [[r[i] for i in order] for r in rows(4)]

    assert dry_run(source(xlsx(data, header=[HEADER[i] for i in order])), coop.pk).ok


def test_duplicate_column(coop: Cooperative, xlsx) -> None:
    data = [[*r, r[1]] for r in rows(4)]

    outcome = dry_run(source(xlsx(data, header=[*HEADER, "نام"])), coop.pk)

    assert [(p.row, p.column) for p in outcome.problems] == [(1, "نام")]
    assert "دو بار" in outcome.problems[0].message


def test_only_required_columns(coop: Cooperative, xlsx) -> None:
    data = [[r[0], r[1], r[2], r[7]] for r in rows(4)]
    header = ["کد ملی", "نام", "نام خانوادگی", "تاریخ عضویت"]

    assert dry_run(source(xlsx(data, header=header)), coop.pk).ok


def test_header_without_rows(coop: Cooperative, xlsx) -> None:
    (problem,) = dry_run(source(xlsx([])), coop.pk).problems

    assert "هیچ ردیف داده‌ای" in problem.message


def test_empty_sheet(coop: Cooperative, xlsx) -> None:
    (problem,) = dry_run(source(xlsx([], header=None)), coop.pk).problems

    assert problem.message == "فایل هیچ داده‌ای ندارد."
