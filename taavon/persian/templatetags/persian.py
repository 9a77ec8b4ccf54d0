"""Template filters and tags for Persian presentation: ``{% load persian %}``.

Every filter looks at the *active* language: Persian digits, Jalali month names
and the Arabic thousands separator in ``fa``; Latin digits otherwise.  The number
filters are wrappers over ``taavon.persian.numbers`` that also accept what a template
may hold (numeric strings in any digit script, Decimals); Python code calls
``numbers`` directly.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import jdatetime
from django import template

from taavon.persian import numbers
from taavon.persian.jalali import format_jalali, today_jalali
from taavon.persian.language import is_persian
from taavon.persian.text import to_latin_digits
from taavon.persian.validators import mask_mobile
from taavon.persian.words import number_to_words

register = template.Library()

DATE_FORMAT = "%Y/%m/%d"
DATETIME_FORMAT = "%Y/%m/%d %H:%M"
TODAY_FORMAT = "%-d %B %Y"


def _to_decimal(value: Any) -> Decimal | None:
    """Coerce ints, Decimals, floats and numeric strings (any digit script) to Decimal."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    text = to_latin_digits(str(value)).strip()
    for separator in (",", numbers.THOUSANDS_SEPARATOR, "\u060c", " "):
        text = text.replace(separator, "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


@register.filter
def jalali(value: Any, fmt: str | None = None) -> Any:
    """``{{ d|jalali }}`` → ۱۴۰۴/۰۷/۱۹, ``{{ d|jalali:"%d %B %Y" }}`` → ۱۹ مهر ۱۴۰۴.

    Aware datetimes are shown in local (Tehran) time; their default format adds
    ``%H:%M``.  Empty values render as ``""``; non-dates are returned unchanged.
    """
    if value is None or value == "":
        return ""
    if not isinstance(value, datetime.date | jdatetime.date):
        return value
    if fmt is None:
        is_datetime = isinstance(value, datetime.datetime | jdatetime.datetime)
        fmt = DATETIME_FORMAT if is_datetime else DATE_FORMAT
    persian = is_persian()
    return format_jalali(value, fmt, persian_digits=persian, persian_names=persian)


@register.filter(is_safe=True)
def fa_digits(value: Any) -> str:
    """Digits in the active language's script: Persian in ``fa``, Latin otherwise."""
    if value is None:
        return ""
    return numbers.digits(str(value))  # str(): templates may hold booleans, shown as text


@register.filter(is_safe=True)
def rial(value: Any) -> Any:
    """An amount in rials with thousands separators: ۱٬۲۵۰٬۰۰۰ (fa) / 1,250,000 (en).

    ``None`` renders as «—»; fractions are rounded half-up; unparseable values are
    returned unchanged.
    """
    if value is None:
        return numbers.EMPTY
    amount = _to_decimal(value)
    return value if amount is None else numbers.rials(amount)


@register.filter(is_safe=True)
def number(value: Any) -> Any:
    """A count with thousands separators in the active language's digits (same as ``rial``)."""
    return rial(value)


@register.filter(is_safe=True)
def mobile(value: Any) -> str:
    """A stored +989XXXXXXXXX number as Iranians write it: ۰۹۱۲۱۲۳۴۵۶۷ (digits per language)."""
    if not value:
        return ""
    text = str(value)
    if text.startswith("+98"):
        text = "0" + text[3:]
    return numbers.digits(text)


@register.filter
def masked_mobile(value: Any) -> str:
    """``{{ person.mobile|masked_mobile }}`` → ۰۹۱۶***۴۵۶۷, for viewers outside the office."""
    return numbers.digits(mask_mobile(str(value))) if value else ""


@register.filter
def num_words(value: Any) -> Any:
    """An integer in Persian words: ``{{ 1250000|num_words }}`` → «یک میلیون و …».

    ``None`` renders as ``""``; non-integers and out-of-range numbers are
    returned unchanged.
    """
    if value is None:
        return ""
    number = _to_decimal(value)
    if number is None or number != number.to_integral_value():
        return value
    try:
        return number_to_words(int(number))
    except ValueError:
        return value


@register.simple_tag
def jalali_today(fmt: str = TODAY_FORMAT) -> str:
    """Today's Jalali date in Tehran: ``{% jalali_today %}`` → «۶ آذر ۱۴۰۵» in ``fa``."""
    persian = is_persian()
    return format_jalali(today_jalali(), fmt, persian_digits=persian, persian_names=persian)
