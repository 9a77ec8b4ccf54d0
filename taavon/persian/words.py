"""Spell integers out in Persian (for cheques, invoices and contracts).

Style: every scale word takes an explicit count («یک هزار», «یک میلیون»), the
convention on financial documents that makes amounts harder to tamper with,
and parts are joined with « و »: 1_250_000 → «یک میلیون و دویست و پنجاه هزار».
Scales follow Iranian usage: میلیون 10^6, میلیارد 10^9, تریلیون 10^12,
کوادریلیون 10^15, کوینتیلیون 10^18.
"""

from __future__ import annotations

from typing import Final

__all__ = ["MAX_WORDS_NUMBER", "number_to_words", "rial_in_words"]

_ONES: Final = ("", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه")
_TEENS: Final = (
    "ده",
    "یازده",
    "دوازده",
    "سیزده",
    "چهارده",
    "پانزده",
    "شانزده",
    "هفده",
    "هجده",
    "نوزده",
)
_TENS: Final = ("", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود")
_HUNDREDS: Final = (
    "",
    "صد",
    "دویست",
    "سیصد",
    "چهارصد",
    "پانصد",
    "ششصد",
    "هفتصد",
    "هشتصد",
    "نهصد",
)
_SCALES: Final = ("", "هزار", "میلیون", "میلیارد", "تریلیون", "کوادریلیون", "کوینتیلیون")

MAX_WORDS_NUMBER: Final = 1000 ** len(_SCALES) - 1
_JOINER: Final = " و "


def _under_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts = [_HUNDREDS[hundreds]] if hundreds else []
    if 10 <= rest < 20:
        parts.append(_TEENS[rest - 10])
    else:
        tens, ones = divmod(rest, 10)
        if tens:
            parts.append(_TENS[tens])
        if ones:
            parts.append(_ONES[ones])
    return _JOINER.join(parts)


def number_to_words(n: int) -> str:
    """Return ``n`` in Persian words, e.g. ``-21`` → «منفی بیست و یک», ``0`` → «صفر».

    Supports ``abs(n) <= MAX_WORDS_NUMBER`` (just under 10^21); raises
    ``ValueError`` beyond that and ``TypeError`` for non-integers.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"number_to_words() expects an int, got {type(n).__name__}")
    if n == 0:
        return "صفر"
    if n < 0:
        return "منفی " + number_to_words(-n)
    if n > MAX_WORDS_NUMBER:
        raise ValueError(f"number_to_words() supports values up to {MAX_WORDS_NUMBER}")
    groups: list[str] = []
    scale = 0
    while n:
        n, chunk = divmod(n, 1000)
        if chunk:
            words = _under_thousand(chunk)
            groups.append(f"{words} {_SCALES[scale]}" if scale else words)
        scale += 1
    return _JOINER.join(reversed(groups))


def rial_in_words(n: int) -> str:
    """``number_to_words(n)`` followed by « ریال»: 1000 → «یک هزار ریال»."""
    return number_to_words(n) + " ریال"
