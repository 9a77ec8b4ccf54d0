"""The four PDFs: valid, Persian text extractable, the right figures and words."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from taavon.core.errors import ApplicationError
from taavon.documents import pdf
from taavon.registry.models import Cooperative, CooperativeStatus, Membership
from tests.documents.conftest import pdf_text

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext")
# pdftotext adds bidi marks, drops some spaces and reorders a hamza above (سرمایهٔ → سرمایٔه):
# compare without them. It also writes the lam-alef ligature backwards (لیلا → لیال), so the
# names checked below avoid «لا».
_NOISE = re.compile("[\\s\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0654]")


def squash(text: str) -> str:
    return _NOISE.sub("", text)


def text_of(data: bytes, tmp_path: Path) -> str:
    assert data.startswith(b"%PDF")
    return squash(pdf_text(data, tmp_path))


def has(text: str, *needles: str) -> bool:
    return all(squash(n) in text for n in needles)


@needs_poppler
def test_registration_certificate(
    registered: Cooperative, members: list[Membership], tmp_path: Path
) -> None:
    text = text_of(pdf.registration_certificate_pdf(registered), tmp_path)

    assert has(text, "گواهی ثبت تعاونی", "تعاونی فرش دستباف بانوان دورود", "خرم‌آباد")
    assert has(text, "۱۲۰۴", "۱۴۰۰۳۹۰۲۴۵۱")  # registration number, legal ID
    assert has(text, "۱۱ خرداد ۱۳۹۸")  # 2019-06-01 in Jalali
    assert has(text, "۴۶٬۰۰۰٬۰۰۰", "چهل و شش میلیون ریال")  # subscribed
    assert has(text, "۲۰٬۰۰۰٬۰۰۰", "بیست میلیون ریال")  # paid
    assert not re.search(r"[0-9]", text.replace("1/1", "")), "Latin digits in the certificate"


def test_no_registration_certificate_before_registration(db: None) -> None:
    from tests.factories import CooperativeFactory

    founding = CooperativeFactory(status=CooperativeStatus.FOUNDING, registration_number="")

    with pytest.raises(ApplicationError, match="هنوز ثبت نشده"):
        pdf.registration_certificate_pdf(founding)


@needs_poppler
def test_share_certificate_masks_the_national_id(members: list[Membership], tmp_path: Path) -> None:
    first = members[0]
    text = text_of(pdf.share_certificate_pdf(first), tmp_path)
    digits = first.person.national_id.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))

    assert has(text, "رضا سپهوند", "محمد", "سهم عادی")
    assert digits not in text and f"{digits[:4]}***{digits[-3:]}" in text
    assert has(text, "۱۰٬۰۰۰٬۰۰۰", "ده میلیون ریال")  # 10 shares × 1,000,000
    assert has(text, "۵٬۰۰۰٬۰۰۰", "پنج میلیون ریال")  # paid


def test_no_share_certificate_after_exit(members: list[Membership]) -> None:
    with pytest.raises(ApplicationError, match="پایان یافته"):
        pdf.share_certificate_pdf(members[-1])


@needs_poppler
def test_member_register_lists_everyone_with_national_ids(
    registered: Cooperative, members: list[Membership], tmp_path: Path
) -> None:
    text = text_of(pdf.member_register_pdf(registered), tmp_path)

    assert has(text, "دفتر ثبت اعضا")
    for m in members:
        assert m.person.national_id.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in text
        assert "لا" in m.person.full_name or has(text, m.person.full_name)
    assert has(text, "مستعفی", "۱۴۰۲/۱۰/۲۰")  # the one who left, and when


@needs_poppler
def test_capital_register_totals(
    registered: Cooperative, members: list[Membership], tmp_path: Path
) -> None:
    text = text_of(pdf.capital_register_pdf(registered), tmp_path)

    assert has(text, "دفتر سرمایهٔ اعضا", "جمع کل", "رضا سپهوند")
    assert has(text, "۴۶٬۰۰۰٬۰۰۰", "۲۶٬۰۰۰٬۰۰۰")  # subscribed, outstanding
    assert "کاکاوند" not in text  # redeemed on exit: nothing left to show


def test_registers_of_an_empty_cooperative(registered: Cooperative) -> None:
    assert pdf.member_register_pdf(registered).startswith(b"%PDF")
    assert pdf.capital_register_pdf(registered).startswith(b"%PDF")


def test_member_register_reads_in_constant_queries(
    registered: Cooperative, members: list[Membership], django_assert_num_queries
) -> None:
    with django_assert_num_queries(2):  # counts, then the rows (memberships joined to people)
        pdf.member_register_pdf(registered)


def test_capital_register_reads_in_constant_queries(
    registered: Cooperative, members: list[Membership], django_assert_num_queries
) -> None:
    with django_assert_num_queries(3):  # share classes, one ledger aggregate, the members
        pdf.capital_register_pdf(registered)


def test_registers_too_big_for_a_pdf_point_to_the_xlsx(
    registered: Cooperative, members: list[Membership], settings
) -> None:
    settings.TAAVON_PDF_REGISTER_MAX_ROWS = 3

    with pytest.raises(ApplicationError, match="نسخهٔ اکسل") as member_error:
        pdf.member_register_pdf(registered)
    with pytest.raises(ApplicationError, match="نسخهٔ اکسل"):
        pdf.capital_register_pdf(registered)

    assert "۵ ردیف" in member_error.value.message and "تا ۳ ردیف" in member_error.value.message
