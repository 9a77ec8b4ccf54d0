"""Reading applications through the permission module, and the agreement PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from taavon.accounts.models import User
from taavon.core.errors import NotFoundError
from taavon.founding.models import FoundingApplication
from taavon.founding.selectors import (
    agreement_context,
    agreement_pdf,
    application_by_tracking_code,
    application_get,
    application_list,
    mask_national_id,
)

pytestmark = pytest.mark.django_db


def test_applicant_sees_own_and_officer_the_county_queue(
    applicant: User,
    officer: User,
    dorud_officer: User,
    member: User,
    submitted: FoundingApplication,
) -> None:
    assert list(application_list(user=applicant, mine=True)) == [submitted]
    assert list(application_list(user=officer, status="submitted")) == [submitted]
    assert list(application_list(user=dorud_officer)) == []
    assert list(application_list(user=member)) == []


def test_search_by_tracking_code_or_name(officer: User, submitted: FoundingApplication) -> None:
    code = submitted.tracking_code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert list(application_list(user=officer, q=code)) == [submitted]
    assert list(application_list(user=officer, q="زاگرس")) == [submitted]
    assert list(application_list(user=officer, q="هیچ")) == []


def test_get_and_track_answer_not_found_outside_scope(
    dorud_officer: User, applicant: User, submitted: FoundingApplication
) -> None:
    assert application_get(user=applicant, pk=submitted.pk) == submitted
    assert application_by_tracking_code(user=applicant, code=submitted.tracking_code) == submitted
    with pytest.raises(NotFoundError):
        application_get(user=dorud_officer, pk=submitted.pk)
    with pytest.raises(NotFoundError):
        application_by_tracking_code(user=dorud_officer, code=submitted.tracking_code)


def test_mask_national_id() -> None:
    assert mask_national_id("0084575948") == "۰۰۸۴***۹۴۸"


def test_agreement_shows_only_masked_national_ids(approved: FoundingApplication) -> None:
    context = agreement_context(approved)
    ids = [f["national_id"] for f in context["founders"]]
    assert all("***" in i for i in ids)
    full = [f.person.national_id for f in approved.founders.all()]
    assert not any(n in "".join(ids) for n in full)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_agreement_pdf_is_persian_with_number_and_no_full_ids(
    approved: FoundingApplication, tmp_path: Path
) -> None:
    pdf = agreement_pdf(approved)
    assert pdf.startswith(b"%PDF-")
    path = tmp_path / "agreement.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "موافقت" in text and approved.approved_name.split()[-1] in text
    number = approved.agreement_number.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert number.split("-")[-1] in text
    assert not any(ch in text for ch in "0123456789"), "Latin digits in the agreement"
    for founder in approved.founders.select_related("person"):
        assert founder.person.national_id not in text


# --- what the detail page and the API read besides the application -----------------------


def test_the_office_queue_leaves_out_drafts_unless_asked(
    applicant: User, officer: User, submitted: FoundingApplication, khorramabad
) -> None:
    from tests.founding.helpers import create_application

    draft = create_application(applicant, khorramabad.pk)

    assert set(application_list(user=officer)) == {submitted, draft}
    assert list(application_list(user=officer, drafts=False)) == [submitted]
    assert list(application_list(user=officer, drafts=False, status="draft")) == [draft]


def test_names_history_and_assembly(
    applicant: User, officer: User, assembly_held: FoundingApplication
) -> None:
    from taavon.founding.selectors import application_history, assembly_of, proposed_names

    names = proposed_names(assembly_held)
    assert [(n.rank, n.name) for n in names] == [
        (1, "تعاونی گردشگری زاگرس"),
        (2, "تعاونی طبیعت‌گردی لرستان"),
    ]
    steps = list(application_history(assembly_held))
    assert [s.action for s in steps] == ["submit", "approve", "record_assembly"]
    assert [s.actor for s in steps] == [applicant, officer, applicant]
    assembly = assembly_of(assembly_held)
    assert assembly is not None and assembly.members_present == 7


def test_no_assembly_before_it_is_held(submitted: FoundingApplication) -> None:
    from taavon.founding.selectors import assembly_of

    assert assembly_of(submitted) is None


def test_the_list_prefetches_the_names(
    officer: User, submitted: FoundingApplication, django_assert_num_queries
) -> None:
    from taavon.founding.selectors import proposed_names

    (found,) = application_list(user=officer)
    with django_assert_num_queries(0):
        assert [n.rank for n in proposed_names(found)] == [1, 2]
