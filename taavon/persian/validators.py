"""Normalisers and Django validators for Iranian identifiers.

Every ``normalize_*`` function is total: it never raises, returns the canonical
form when the input is recognisable and otherwise a cleaned-up copy of the input
(which the matching ``validate_*`` then rejects).  Validators raise
``ValidationError`` with a Persian message and one of the stable ``code``
constants below, so callers and API clients can branch on the code.
"""

from __future__ import annotations

import re
from typing import Final

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from taavon.persian.text import to_latin_digits, to_persian_digits

__all__ = [
    "mask_national_id",
    "CODE_IBAN_CHECKSUM",
    "CODE_IBAN_FORMAT",
    "CODE_LEGAL_NATIONAL_ID_CHECKSUM",
    "CODE_LEGAL_NATIONAL_ID_FORMAT",
    "CODE_MOBILE_FORMAT",
    "CODE_NATIONAL_ID_CHECKSUM",
    "CODE_NATIONAL_ID_FORMAT",
    "is_valid_iban",
    "is_valid_legal_national_id",
    "is_valid_mobile",
    "is_valid_national_id",
    "normalize_iban",
    "normalize_legal_national_id",
    "normalize_mobile",
    "normalize_national_id",
    "validate_iban",
    "validate_legal_national_id",
    "validate_mobile",
    "validate_national_id",
]

CODE_NATIONAL_ID_FORMAT: Final = "national_id_format"
CODE_NATIONAL_ID_CHECKSUM: Final = "national_id_checksum"
CODE_LEGAL_NATIONAL_ID_FORMAT: Final = "legal_national_id_format"
CODE_LEGAL_NATIONAL_ID_CHECKSUM: Final = "legal_national_id_checksum"
CODE_IBAN_FORMAT: Final = "iban_format"
CODE_IBAN_CHECKSUM: Final = "iban_checksum"
CODE_MOBILE_FORMAT: Final = "mobile_format"

# Separators people type or paste inside identifiers: whitespace (incl. NBSP),
# hyphens/dashes, dots, slashes, underscores, parentheses and invisible marks.
_SEPARATORS: Final = re.compile(r"[\s\-\u2010-\u2015\u2212._/()\u200b-\u200f\u202a-\u202e\ufeff]+")

_NATIONAL_ID_RE: Final = re.compile(r"[0-9]{10}")
_LEGAL_ID_RE: Final = re.compile(r"[0-9]{11}")
_IBAN_RE: Final = re.compile(r"IR[0-9]{24}")
_MOBILE_RE: Final = re.compile(r"\+989[0-9]{9}")
_LEGAL_ID_WEIGHTS: Final = (29, 27, 23, 19, 17, 29, 27, 23, 19, 17)


def _clean(value: object) -> str:
    if value is None:
        return ""
    return _SEPARATORS.sub("", to_latin_digits(str(value)))


# --- کد ملی (personal national ID) -------------------------------------------------


def normalize_national_id(value: object) -> str:
    """Return the 10 ASCII digits of a personal national ID (کد ملی).

    Digits of any script, spaces and dashes are accepted.  Inputs of 8 or 9
    digits are left-padded with zeros: spreadsheets routinely drop the leading
    zeros of IDs such as 0012345679 (Tehran codes start with 00).  The check
    digit still guards these, at the cost that a genuinely truncated number
    passes in the rare case its padded form happens to be valid.
    """
    cleaned = _clean(value)
    if cleaned.isascii() and cleaned.isdigit() and 8 <= len(cleaned) < 10:
        return cleaned.zfill(10)
    return cleaned


def _national_id_checksum_ok(code: str) -> bool:
    digits = [int(ch) for ch in code]
    remainder = sum(d * (10 - i) for i, d in enumerate(digits[:9])) % 11
    expected = remainder if remainder < 2 else 11 - remainder
    return digits[9] == expected


def validate_national_id(value: object) -> None:
    code = normalize_national_id(value)
    if not _NATIONAL_ID_RE.fullmatch(code):
        raise ValidationError(_("کد ملی باید ۱۰ رقم باشد."), code=CODE_NATIONAL_ID_FORMAT)
    if len(set(code)) == 1 or not _national_id_checksum_ok(code):
        raise ValidationError(_("کد ملی معتبر نیست."), code=CODE_NATIONAL_ID_CHECKSUM)


def is_valid_national_id(value: object) -> bool:
    try:
        validate_national_id(value)
    except ValidationError:
        return False
    return True


# --- شناسه ملی (legal entity national ID) --------------------------------------------


def normalize_legal_national_id(value: object) -> str:
    """Return the ASCII digits of a legal entity's national ID (شناسه ملی).

    No zero-padding: legal IDs are issued from 10000000000 upwards.
    """
    return _clean(value)


def _legal_id_checksum_ok(code: str) -> bool:
    digits = [int(ch) for ch in code]
    offset = digits[9] + 2
    total = sum((d + offset) * w for d, w in zip(digits[:10], _LEGAL_ID_WEIGHTS, strict=True))
    remainder = total % 11
    return digits[10] == (0 if remainder == 10 else remainder)


def validate_legal_national_id(value: object) -> None:
    code = normalize_legal_national_id(value)
    if not _LEGAL_ID_RE.fullmatch(code):
        raise ValidationError(_("شناسه ملی باید ۱۱ رقم باشد."), code=CODE_LEGAL_NATIONAL_ID_FORMAT)
    # Common plausibility rule: digits 4-9 of an issued ID are never all zeros.
    if len(set(code)) == 1 or code[3:9] == "000000" or not _legal_id_checksum_ok(code):
        raise ValidationError(_("شناسه ملی معتبر نیست."), code=CODE_LEGAL_NATIONAL_ID_CHECKSUM)


def is_valid_legal_national_id(value: object) -> bool:
    try:
        validate_legal_national_id(value)
    except ValidationError:
        return False
    return True


# --- شماره شبا (IBAN) --------------------------------------------------------------


def normalize_iban(value: object) -> str:
    """Return an Iranian IBAN (شبا) as ``IR`` + 24 ASCII digits.

    Spaces, dashes and digits of any script are accepted, case is ignored, and a
    bare 24-digit number gets the missing ``IR`` prefix.
    """
    cleaned = _clean(value).upper()
    if len(cleaned) == 24 and cleaned.isascii() and cleaned.isdigit():
        return "IR" + cleaned
    return cleaned


def _iban_checksum_ok(iban: str) -> bool:
    rearranged = iban[4:] + iban[:4]
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(numeric) % 97 == 1


def validate_iban(value: object) -> None:
    iban = normalize_iban(value)
    if not _IBAN_RE.fullmatch(iban):
        raise ValidationError(
            _("شماره شبا باید با IR شروع شود و ۲۴ رقم داشته باشد."), code=CODE_IBAN_FORMAT
        )
    if not _iban_checksum_ok(iban):
        raise ValidationError(_("شماره شبا معتبر نیست."), code=CODE_IBAN_CHECKSUM)


def is_valid_iban(value: object) -> bool:
    try:
        validate_iban(value)
    except ValidationError:
        return False
    return True


# --- تلفن همراه (mobile number) ------------------------------------------------------


def normalize_mobile(value: object) -> str:
    """Return an Iranian mobile number in E.164 form: ``+989XXXXXXXXX``.

    Accepts 09121234567, 9121234567, +989121234567, 00989121234567 and
    989121234567, with digits of any script, spaces, dashes and parentheses.
    Anything else is returned cleaned but unchanged (so validation fails).
    """
    cleaned = _clean(value)
    if cleaned.startswith("+"):
        national = cleaned[3:] if cleaned.startswith("+98") else None
    elif cleaned.startswith("0098"):
        national = cleaned[4:]
    elif cleaned.startswith("98") and len(cleaned) == 12:
        national = cleaned[2:]
    elif cleaned.startswith("0"):
        national = cleaned[1:]
    else:
        national = cleaned
    if national is not None and national.startswith("0") and not cleaned.startswith("0"):
        # «+98 0912 …» is a common way of writing the same number.
        national = national[1:]
    if national is None or not (len(national) == 10 and national.isascii() and national.isdigit()):
        return cleaned
    return "+98" + national


def validate_mobile(value: object) -> None:
    """Accept Iranian mobile numbers only (operator prefix 9); landlines are rejected.

    Operator ranges (091x, 093x, 099x, …) change over time, so only the leading
    9 is enforced.
    """
    if not _MOBILE_RE.fullmatch(normalize_mobile(value)):
        raise ValidationError(
            _("شماره تلفن همراه معتبر نیست؛ مثلاً ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید."),
            code=CODE_MOBILE_FORMAT,
        )


def is_valid_mobile(value: object) -> bool:
    try:
        validate_mobile(value)
    except ValidationError:
        return False
    return True


def mask_national_id(national_id: str) -> str:
    """0084575948 → ۰۰۸۴***۹۴۸: enough to recognise a person, not enough to reuse the ID
    (for documents that leave the office, such as agreements and share certificates)."""
    if len(national_id) < 8:
        return "***"
    return to_persian_digits(f"{national_id[:4]}***{national_id[-3:]}")


def mask_mobile(mobile: str) -> str:
    """+989161234567 → 0916***4567 (Latin digits; the caller localises): enough for a person
    to recognise their own number, not enough to call a stranger."""
    local = "0" + mobile[3:] if mobile.startswith("+98") else mobile
    if len(local) < 8:
        return "***"
    return f"{local[:4]}***{local[-4:]}"
