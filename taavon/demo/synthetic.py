"""Synthetic but valid identifiers and Persian names for demo data, tests and benchmarks."""

from __future__ import annotations

import random

FIRST_NAMES = [
    "علی",
    "محمد",
    "حسین",
    "رضا",
    "مهدی",
    "امیر",
    "سعید",
    "حمید",
    "جواد",
    "مجید",
    "کریم",
    "یوسف",
    "فاطمه",
    "زهرا",
    "مریم",
    "لیلا",
    "سمیرا",
    "نرگس",
    "معصومه",
    "طاهره",
    "شیرین",
    "پروین",
    "آزاده",
    "ژاله",
    "منصور",
    "بهرام",
    "کیوان",
    "فرهاد",
    "سهیلا",
    "الهام",
]
LAST_NAMES = [
    "بیرانوند",
    "سپهوند",
    "کرمی",
    "میرزایی",
    "رضایی",
    "موسوی",
    "احمدی",
    "کاکاوند",
    "دالوند",
    "امرایی",
    "ملکی",
    "قاسمی",
    "سلیمانی",
    "رحیمی",
    "پاپی",
    "ساکی",
    "زینی‌وند",
    "طولابی",
    "ویسی",
    "حسنوند",
    "کولیوند",
    "یاراحمدی",
    "چگینی",
    "آزادبخت",
    "نظری",
    "میرانی",
]
FEMALE = set(FIRST_NAMES[12:24]) | {"سهیلا", "الهام"}


def national_id(rng: random.Random) -> str:
    """A random 10-digit person national ID with a correct check digit."""
    while True:
        body = [rng.randrange(10) for _ in range(9)]
        if len(set(body)) == 1:
            continue
        remainder = sum(d * (10 - i) for i, d in enumerate(body)) % 11
        check = remainder if remainder < 2 else 11 - remainder
        if check < 10:
            return "".join(map(str, body)) + str(check)


LEGAL_COEFFICIENTS = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17]


def legal_national_id(rng: random.Random) -> str:
    """A random 11-digit legal-entity national ID with a correct check digit."""
    body = [rng.randrange(10) for _ in range(10)]
    body[0] = rng.randrange(1, 10)
    offset = body[9] + 2
    total = sum((d + offset) * c for d, c in zip(body, LEGAL_COEFFICIENTS, strict=True)) % 11
    return "".join(map(str, body)) + str(0 if total == 10 else total)


def mobile(rng: random.Random) -> str:
    return f"+989{rng.choice(['12', '13', '16', '17', '35', '01', '90'])}{rng.randrange(10**7):07d}"


def person_name(rng: random.Random) -> tuple[str, str, str]:
    """(first name, last name, gender)."""
    first = rng.choice(FIRST_NAMES)
    return first, rng.choice(LAST_NAMES), "female" if first in FEMALE else "male"
