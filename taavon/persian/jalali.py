"""Jalali (Solar Hijri) conversion, formatting and parsing on top of ``jdatetime``.

The database always stores Gregorian ``date``/``datetime`` values; Jalali is a
presentation and input concern only.
"""

from __future__ import annotations

import datetime
import re
from typing import Final, overload

import jdatetime
from django.utils import timezone
from django.utils.translation import gettext

from taavon.persian.text import normalize, to_persian_digits

__all__ = [
    "JalaliDateError",
    "format_jalali",
    "parse_jalali",
    "to_jalali",
    "today_jalali",
]

_FA_LOCALE: Final = "fa_IR"
_EN_LOCALE: Final = "en_US"

# Year, month and day separated by «/», «-», «.» or the Arabic decimal separator «٫».
_DATE_RE: Final = re.compile(r"([0-9]{4}) ?[/\-.\u066b] ?([0-9]{1,2}) ?[/\-.\u066b] ?([0-9]{1,2})")


class JalaliDateError(ValueError):
    """Raised by :func:`parse_jalali`; ``code`` is ``"invalid"`` or ``"invalid_date"``."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@overload
def to_jalali(value: datetime.datetime, *, locale: str = ...) -> jdatetime.datetime: ...
@overload
def to_jalali(value: datetime.date, *, locale: str = ...) -> jdatetime.date: ...
def to_jalali(
    value: datetime.date, *, locale: str = _FA_LOCALE
) -> jdatetime.date | jdatetime.datetime:
    """Convert a Gregorian date/datetime to its ``jdatetime`` counterpart.

    Aware datetimes are first converted to the current time zone (by default
    ``settings.TIME_ZONE``, i.e. Asia/Tehran), so an instant stored in UTC shows
    the Tehran wall-clock date.  Naive datetimes are taken as-is.
    """
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return jdatetime.datetime.fromgregorian(datetime=value, locale=locale)
    return jdatetime.date.fromgregorian(date=value, locale=locale)


def format_jalali(
    value: datetime.date | jdatetime.date,
    fmt: str = "%Y/%m/%d",
    *,
    persian_digits: bool = True,
    persian_names: bool = True,
) -> str:
    """Format ``value`` in the Jalali calendar with ``strftime``-style ``fmt``.

    Month and weekday names (``%B``, ``%b``, ``%A``, ``%a``, ``%p``) are Persian
    unless ``persian_names`` is false (then transliterated: «Mehr»).  ``%-d``,
    ``%-m``, ``%-H`` and ``%-M`` give unpadded numbers.
    ``format_jalali(date(2025, 10, 11), "%d %B %Y")`` → ``"۱۹ مهر ۱۴۰۴"``.
    """
    locale = _FA_LOCALE if persian_names else _EN_LOCALE
    if isinstance(value, jdatetime.date):
        jvalue = value.aslocale(locale)
    else:
        jvalue = to_jalali(value, locale=locale)
    text: str = jvalue.strftime(fmt)
    return to_persian_digits(text) if persian_digits else text


def parse_jalali(text: str) -> datetime.date:
    """Parse a Jalali ``year/month/day`` string into a Gregorian ``datetime.date``.

    Persian, Arabic-Indic and Latin digits are accepted, as are the separators
    ``/``, ``-`` and ``.`` with or without zero padding: «1404/7/19»,
    «۱۴۰۴-۰۷-۱۹».  Raises :class:`JalaliDateError` (a ``ValueError``) with a
    Persian message for text that is not a date or for a date that does not
    exist (e.g. 1404/12/30: 1404 is not a leap year).
    """
    match = _DATE_RE.fullmatch(normalize(text))
    if match is None:
        raise JalaliDateError(
            gettext("تاریخ را به شکل سال/ماه/روز وارد کنید؛ مثلاً ۱۴۰۴/۰۷/۱۹."), "invalid"
        )
    year, month, day = (int(part) for part in match.groups())
    try:
        gregorian: datetime.date = jdatetime.date(year, month, day).togregorian()
    except (ValueError, OverflowError):
        raise JalaliDateError(gettext("این تاریخ در تقویم وجود ندارد."), "invalid_date") from None
    return gregorian


def today_jalali() -> jdatetime.date:
    """Today's Jalali date in the current time zone (Asia/Tehran by default)."""
    return to_jalali(timezone.localdate())
