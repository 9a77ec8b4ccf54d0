import datetime
import zoneinfo
from collections.abc import Iterator

import jdatetime
import pytest
from django.utils import timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from taavon.persian.jalali import (
    JalaliDateError,
    format_jalali,
    parse_jalali,
    to_jalali,
    today_jalali,
)
from taavon.persian.text import to_persian_digits


@pytest.fixture(autouse=True)
def _persian() -> Iterator[None]:
    with translation.override("fa"):
        yield


TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")


def test_calendar_facts_assumed_by_these_tests() -> None:
    # 1403 is a leap year (has 30 Esfand), 1404 is not.
    assert jdatetime.date(1403, 1, 1).isleap()
    assert not jdatetime.date(1404, 1, 1).isleap()
    assert jdatetime.date(1403, 12, 30).togregorian() == datetime.date(2025, 3, 20)
    assert jdatetime.date(1404, 1, 1).togregorian() == datetime.date(2025, 3, 21)


@pytest.mark.parametrize(
    ("gregorian", "jalali"),
    [
        (datetime.date(2025, 10, 11), (1404, 7, 19)),
        (datetime.date(2025, 3, 20), (1403, 12, 30)),
        (datetime.date(2025, 3, 21), (1404, 1, 1)),
        (datetime.date(1979, 2, 11), (1357, 11, 22)),
        (datetime.date(2000, 1, 1), (1378, 10, 11)),
    ],
)
def test_to_jalali_date(gregorian: datetime.date, jalali: tuple[int, int, int]) -> None:
    result = to_jalali(gregorian)
    assert isinstance(result, jdatetime.date)
    assert not isinstance(result, jdatetime.datetime)
    assert (result.year, result.month, result.day) == jalali
    assert result.togregorian() == gregorian


def test_to_jalali_aware_datetime_uses_tehran_time() -> None:
    # 21:00 UTC is already the next day (00:30) in Tehran (UTC+03:30).
    instant = datetime.datetime(2025, 10, 11, 21, 0, tzinfo=datetime.UTC)
    result = to_jalali(instant)
    assert isinstance(result, jdatetime.datetime)
    assert (result.year, result.month, result.day, result.hour, result.minute) == (
        1404,
        7,
        20,
        0,
        30,
    )


def test_to_jalali_respects_activated_timezone() -> None:
    instant = datetime.datetime(2025, 10, 11, 21, 0, tzinfo=datetime.UTC)
    with timezone.override(zoneinfo.ZoneInfo("UTC")):
        result = to_jalali(instant)
    assert (result.day, result.hour) == (19, 21)


def test_to_jalali_naive_datetime_is_taken_as_is() -> None:
    result = to_jalali(datetime.datetime(2025, 10, 11, 23, 59))
    assert (result.year, result.month, result.day, result.hour) == (1404, 7, 19, 23)


@pytest.mark.parametrize(
    ("value", "fmt", "kwargs", "expected"),
    [
        (datetime.date(2025, 10, 11), "%Y/%m/%d", {}, "۱۴۰۴/۰۷/۱۹"),
        (datetime.date(2025, 10, 11), "%d %B %Y", {}, "۱۹ مهر ۱۴۰۴"),
        (datetime.date(2025, 10, 11), "%Y/%m/%d", {"persian_digits": False}, "1404/07/19"),
        (
            datetime.date(2025, 10, 11),
            "%d %B %Y",
            {"persian_digits": False, "persian_names": False},
            "19 Mehr 1404",
        ),
        (datetime.date(2025, 3, 27), "%-d %B %Y", {}, "۷ فروردین ۱۴۰۴"),
        (datetime.date(2025, 3, 27), "%Y/%-m/%-d", {"persian_digits": False}, "1404/1/7"),
        (datetime.date(2025, 10, 11), "%A %d %B", {}, "شنبه ۱۹ مهر"),
        (datetime.date(2026, 3, 20), "%d %B", {}, "۲۹ اسفند"),
        (
            datetime.datetime(2025, 10, 11, 10, 5, tzinfo=datetime.UTC),
            "%Y/%m/%d %H:%M",
            {},
            "۱۴۰۴/۰۷/۱۹ ۱۳:۳۵",
        ),
        (jdatetime.date(1404, 9, 6), "%d %B %Y", {}, "۰۶ آذر ۱۴۰۴"),
        (jdatetime.date(1404, 9, 6), "%B", {"persian_names": False}, "Azar"),
    ],
)
def test_format_jalali(
    value: datetime.date, fmt: str, kwargs: dict[str, bool], expected: str
) -> None:
    assert format_jalali(value, fmt, **kwargs) == expected


def test_format_jalali_default_format() -> None:
    assert format_jalali(datetime.date(2025, 10, 11)) == "۱۴۰۴/۰۷/۱۹"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1404/07/19", datetime.date(2025, 10, 11)),
        ("1404/7/19", datetime.date(2025, 10, 11)),
        ("۱۴۰۴/۰۷/۱۹", datetime.date(2025, 10, 11)),
        ("۱۴۰۴-۰۷-۱۹", datetime.date(2025, 10, 11)),
        ("١٤٠٤/٧/١٩", datetime.date(2025, 10, 11)),
        ("1404.07.19", datetime.date(2025, 10, 11)),
        ("1404-7-19", datetime.date(2025, 10, 11)),
        ("۱۴۰۴٫۰۷٫۱۹", datetime.date(2025, 10, 11)),
        ("  1404 / 07 / 19  ", datetime.date(2025, 10, 11)),
        ("\u200f۱۴۰۴/۰۷/۱۹\u200e", datetime.date(2025, 10, 11)),
        ("1403/12/30", datetime.date(2025, 3, 20)),
        ("1399/12/30", datetime.date(2021, 3, 20)),
        ("1404/01/01", datetime.date(2025, 3, 21)),
        ("1404/12/29", datetime.date(2026, 3, 20)),
        ("1357/11/22", datetime.date(1979, 2, 11)),
    ],
)
def test_parse_jalali(text: str, expected: datetime.date) -> None:
    assert parse_jalali(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1404/12/30",  # 1404 is not a leap year
        "1402/12/30",
        "1404/13/01",
        "1404/00/10",
        "1404/07/32",
        "1404/07/31",  # the second half of the year has 30-day months
        "1404/07/00",
        "0000/01/01",
    ],
)
def test_parse_jalali_rejects_impossible_dates(text: str) -> None:
    with pytest.raises(JalaliDateError) as info:
        parse_jalali(text)
    assert info.value.code == "invalid_date"
    assert str(info.value) == "این تاریخ در تقویم وجود ندارد."


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "فردا",
        "1404/07",
        "04/07/19",
        "14040719",
        "1404/07/19/01",
        "1404/007/19",
        "1404 07 19",
        "2025-10-11T00:00",
        "1404/07/19 12:00",
        "۱۴۰۴/مهر/۱۹",
    ],
)
def test_parse_jalali_rejects_non_dates(text: str) -> None:
    with pytest.raises(ValueError, match="سال/ماه/روز") as info:
        parse_jalali(text)
    assert isinstance(info.value, JalaliDateError)
    assert info.value.code == "invalid"


def test_today_jalali_is_tehran_today() -> None:
    today = today_jalali()
    assert isinstance(today, jdatetime.date)
    assert today.togregorian() == datetime.datetime.now(TEHRAN).date()


# --- properties ---------------------------------------------------------------------

dates_1900_2100 = st.dates(
    min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)
)


@given(dates_1900_2100, st.booleans())
def test_format_parse_round_trip(day: datetime.date, persian_digits: bool) -> None:
    text = format_jalali(day, persian_digits=persian_digits)
    assert parse_jalali(text) == day


@given(dates_1900_2100)
def test_unpadded_and_dashed_forms_round_trip(day: datetime.date) -> None:
    j = to_jalali(day)
    assert parse_jalali(f"{j.year}-{j.month}-{j.day}") == day
    assert parse_jalali(to_persian_digits(f"{j.year}.{j.month}.{j.day}")) == day


@given(
    st.datetimes(min_value=datetime.datetime(1900, 1, 2), max_value=datetime.datetime(2100, 12, 30))
)
def test_aware_datetime_date_matches_tehran_local_date(moment: datetime.datetime) -> None:
    aware = moment.replace(tzinfo=datetime.UTC)
    assert to_jalali(aware).togregorian().date() == aware.astimezone(TEHRAN).date()
