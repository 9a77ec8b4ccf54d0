"""Turning one cell into a typed value, with a Persian message when it cannot be done.

Cells come from openpyxl (str, int, float, datetime, bool) or csv (str). Text is normalised
once here: Persian/Arabic digits become ASCII, Arabic ي/ك become ی/ک, stray spaces and ZWNJ go.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Final

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from taavon.capital.services import MAX_AMOUNT
from taavon.persian import numbers
from taavon.persian.jalali import JalaliDateError, parse_jalali
from taavon.persian.text import normalize, search_key
from taavon.persian.validators import (
    normalize_mobile,
    normalize_national_id,
    validate_mobile,
    validate_national_id,
)


class CellError(ValueError):
    """A cell's value is unusable; the message is for the user (Persian)."""


_SEPARATORS: Final = re.compile(r"[,\u066c\u060c'\s_]")  # 1,000 · ۱٬۰۰۰ · 1 000
_INTEGER: Final = re.compile(r"-?[0-9]+(?:\.0*)?")
_COMPACT_DATE: Final = re.compile(r"(1[34][0-9]{2})([01][0-9])([0-3][0-9])")  # 14020501
_GREGORIAN_YEAR: Final = re.compile(r"(?:19|20)[0-9]{2}[/\-.]")
GENDERS: Final = {
    **dict.fromkeys(map(search_key, ["زن", "خانم", "مونث", "female", "f", "woman"]), "female"),
    **dict.fromkeys(map(search_key, ["مرد", "آقا", "مذکر", "male", "m", "man"]), "male"),
}
NAME_MAX: Final = 100


@lru_cache(maxsize=16384)
def _normalized(value: str) -> str:
    return normalize(value)


def text(value: object) -> str:
    """Names, genders and dates repeat a lot down a member list: normalise each once."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _normalized(value if isinstance(value, str) else str(value))


def name(value: object, *, required: bool) -> str:
    result = text(value)
    if required and not result:
        raise CellError(_("خالی است."))
    if len(result) > NAME_MAX:
        raise CellError(_("بیش از %(n)s نویسه است.") % {"n": numbers.number(NAME_MAX)})
    if result and not any(ch.isalpha() for ch in result):
        raise CellError(_("نام باید حرف داشته باشد."))
    return result


def national_id(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        raw = str(value).zfill(10)  # a numeric cell has lost the ID's leading zeros
    else:
        raw = text(value)
    if not raw:
        raise CellError(_("خالی است."))
    code = normalize_national_id(raw)
    try:
        validate_national_id(code)
    except ValidationError as exc:
        raise CellError(exc.messages[0]) from None
    return code


def mobile(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value))  # 9161234567: the leading zero is lost in a numeric cell
    raw = text(value)
    if not raw:
        return ""
    try:
        validate_mobile(raw)
    except ValidationError as exc:
        raise CellError(exc.messages[0]) from None
    return normalize_mobile(raw)


@lru_cache(maxsize=256)
def _gender_key(raw: str) -> str:
    return search_key(raw)


def gender(value: object) -> str:
    raw = text(value)
    if not raw:
        return ""
    try:
        return GENDERS[_gender_key(raw)]
    except KeyError:
        raise CellError(_("«%(v)s» پذیرفته نیست؛ «زن» یا «مرد» بنویسید.") % {"v": raw}) from None


def jalali_date(
    value: object, *, required: bool, today: datetime.date | None = None
) -> datetime.date | None:
    """A Jalali date as text (۱۴۰۲/۰۵/۰۱, 1402-5-1, 14020501) or a real date cell."""
    if isinstance(value, datetime.datetime):
        result = value.date()
    elif isinstance(value, datetime.date):
        result = value
    else:
        raw = text(value)
        if not raw:
            if required:
                raise CellError(_("خالی است."))
            return None
        parsed = _jalali_text(raw, get_language())
        if isinstance(parsed, str):
            raise CellError(parsed)
        result = parsed
    if result > (today or timezone.localdate()):
        raise CellError(_("تاریخ در آینده است."))
    return result


@lru_cache(maxsize=4096)
def _jalali_text(raw: str, language: str | None) -> datetime.date | str:
    """The date, or the message saying why not (cached per language: join dates repeat)."""
    if _GREGORIAN_YEAR.match(raw):
        return _("تاریخ باید شمسی باشد؛ مثلاً ۱۴۰۲/۰۵/۰۱.")
    compact = _COMPACT_DATE.fullmatch(raw)
    if compact:
        raw = "/".join(compact.groups())
    try:
        return parse_jalali(raw)
    except JalaliDateError as exc:
        return str(exc)


def whole_number(value: object) -> int:
    """A count or an amount in rials: empty is 0; negative or fractional numbers are refused."""
    if value is None or isinstance(value, bool):
        if value is None:
            return 0
        raise CellError(_("باید عدد باشد."))
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise CellError(_("باید عدد صحیح باشد."))
        number = int(value)
    else:
        raw = _SEPARATORS.sub("", text(value)).replace("\u066b", ".")
        if not raw:
            return 0
        if not _INTEGER.fullmatch(raw):
            message = (
                _("باید عدد صحیح باشد.")
                if re.fullmatch(r"-?[0-9.]+", raw)
                else _("«%(v)s» عدد نیست.") % {"v": text(value)}
            )
            raise CellError(message)
        number = int(raw.split(".")[0])
    if number < 0:
        raise CellError(_("نباید منفی باشد."))
    if number > MAX_AMOUNT:
        raise CellError(_("بیش از حد بزرگ است."))
    return number
