"""Numbers as the reader's language writes them: digits, whole numbers and rials, decimals,
percentages and fractions. The one place numbers are formatted for people; the template
filters in ``templatetags/persian.py`` wrap these, and services, selectors, views and forms
call them directly.

In Persian (``fa``, ``fa-*``) numbers get Persian digits, the Arabic thousands separator «٬»
(U+066C), the Arabic decimal separator «٫» (U+066B) and the Arabic percent sign «٪» (U+066A);
in any other language Latin digits, ",", "." and "%". Every function follows the active
language; ``persian=True`` or ``False`` overrides it (the PDFs are Persian whatever language
the reader chose).

Values are exact: decimals and percentages are computed from ``Fraction`` (ints and Decimals
convert exactly), never through ``float``, and rounded half away from zero (1/16 is 6.25% and
shows as 6.3, where ``f"{0.0625 * 100:.1f}"`` gives 6.2). Booleans are refused with
``TypeError``: a ``True`` reaching a formatter is a bug, not the number 1.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import Final

from .language import is_persian
from .text import to_latin_digits, to_persian_digits

__all__ = [
    "EMPTY",
    "decimal_number",
    "digits",
    "fraction",
    "number",
    "percent",
    "rials",
]

EMPTY: Final = "—"  # shown for a missing number
THOUSANDS_SEPARATOR: Final = "\u066c"  # «٬»
DECIMAL_SEPARATOR: Final = "\u066b"  # «٫»
PERCENT_SIGN: Final = "\u066a"  # «٪»

type Exact = int | Decimal | Fraction


def _persian(persian: bool | None) -> bool:
    return is_persian() if persian is None else persian


def _exact(value: object, function: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
        raise TypeError(
            f"{function}() expects an int, Decimal or Fraction, got {type(value).__name__}"
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"{function}() cannot show {value}")
    return Fraction(value)


def _half_up(value: Fraction) -> int:
    """The nearest integer, halves away from zero: 5/2 → 3, -5/2 → -3."""
    magnitude = math.floor(abs(value) + Fraction(1, 2))
    return -magnitude if value < 0 else magnitude


def _grouped(whole: int, persian: bool) -> str:
    text = f"{whole:,}"
    return to_persian_digits(text).replace(",", THOUSANDS_SEPARATOR) if persian else text


def digits(value: object, *, persian: bool | None = None) -> str:
    """``value`` as text in the language's digits: «پلاک 12» → «پلاک ۱۲» in Persian, Persian and
    Arabic-Indic digits → Latin otherwise. For identifiers and text (register numbers, ledger
    rows, national IDs, tracking codes, messages); counts and amounts go through ``number``.

    ``None`` gives ``""``.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("digits() does not show booleans")
    text = str(value)
    return to_persian_digits(text) if _persian(persian) else to_latin_digits(text)


def number(value: Exact | None, *, persian: bool | None = None) -> str:
    """A whole number with thousands separators: 1250000 → «۱٬۲۵۰٬۰۰۰» / "1,250,000";
    -1250 → «-۱٬۲۵۰». Decimals and fractions are rounded half up to a whole number.

    ``None`` gives ``EMPTY`` («—»).
    """
    if value is None:
        return EMPTY
    return _grouped(_half_up(_exact(value, "number")), _persian(persian))


def rials(amount: Exact | None, *, persian: bool | None = None) -> str:
    """An amount in rials, as ``number`` shows it; the message says «ریال»."""
    return number(amount, persian=persian)


def decimal_number(value: Exact | None, *, places: int = 1, persian: bool | None = None) -> str:
    """``value`` rounded half up to at most ``places`` decimals, trailing zeros dropped:
    Fraction(3, 2) → «۱٫۵» / "1.5", 2 → «۲» / "2", 1234.5 → «۱٬۲۳۴٫۵» / "1,234.5".

    ``None`` gives ``EMPTY``.
    """
    if value is None:
        return EMPTY
    if places < 0:
        raise ValueError("decimal_number() needs places >= 0")
    local = _persian(persian)
    scaled = _half_up(_exact(value, "decimal_number") * 10**places)
    whole, rest = divmod(abs(scaled), 10**places)
    text = ("-" if scaled < 0 else "") + _grouped(whole, local)
    decimals = f"{rest:0{places}d}".rstrip("0") if places else ""
    if not decimals:
        return text
    if local:
        return text + DECIMAL_SEPARATOR + to_persian_digits(decimals)
    return text + "." + decimals


def percent(
    value: Exact | None, *, places: int = 1, sign: bool = False, persian: bool | None = None
) -> str:
    """A share as a percentage: Fraction(1, 3) → «۳۳٫۳» / "33.3", with ``places=2`` «۳۳٫۳۳»,
    Fraction(1, 2) → «۵۰» / "50". ``sign=True`` appends «٪» / "%" (messages and templates
    that say «درصد» leave it off).

    ``None`` gives ``EMPTY``.
    """
    if value is None:
        return EMPTY
    local = _persian(persian)
    text = decimal_number(_exact(value, "percent") * 100, places=places, persian=local)
    if sign:
        return text + (PERCENT_SIGN if local else "%")
    return text


def fraction(value: Fraction | int | None, *, persian: bool | None = None) -> str:
    """A fraction as "a/b", in lowest terms: Fraction(1, 3) → «۱/۳» / "1/3",
    Fraction(-2, 4) → "-1/2", 1 → "1/1" (a rule's "all of it").

    ``None`` gives ``EMPTY``.
    """
    if value is None:
        return EMPTY
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise TypeError(f"fraction() expects an int or Fraction, got {type(value).__name__}")
    exact = Fraction(value)
    return digits(f"{exact.numerator}/{exact.denominator}", persian=persian)
