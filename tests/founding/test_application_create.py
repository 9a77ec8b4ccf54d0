"""application_create: a draft with a tracking code; every bad input refused, nothing saved."""

from __future__ import annotations

from typing import Any

import pytest

from taavon.accounts.models import User
from taavon.audit.models import AuditEvent
from taavon.core.errors import ApplicationError
from taavon.founding.models import ApplicationStatus, FoundingApplication
from taavon.founding.services import MAX_PLAN_BYTES
from taavon.founding.services import application as application_module
from taavon.geo.models import County
from taavon.persian.text import to_latin_digits
from taavon.registry.models import Person
from tests.founding.helpers import create_application, founder_data, founders, plan_file

pytestmark = pytest.mark.django_db


def refused(applicant: User, county: County, **overrides: Any) -> ApplicationError:
    with pytest.raises(ApplicationError) as caught:
        create_application(applicant, overrides.pop("county_id", county.pk), **overrides)
    assert not FoundingApplication.objects.exists()
    return caught.value


def test_creates_a_draft_with_names_founders_and_tracking_code(
    applicant: User, khorramabad: County
) -> None:
    application = create_application(applicant, khorramabad.pk)

    assert application.status == ApplicationStatus.DRAFT
    assert len(application.tracking_code) == 10 and application.tracking_code.isdigit()
    assert [n.name for n in application.proposed_names.order_by("rank")] == [
        "تعاونی گردشگری زاگرس",
        "تعاونی طبیعت‌گردی لرستان",
    ]
    assert application.founders.count() == 7
    assert application.founders.filter(is_chair=True).count() == 1
    assert application.rule_profile.min_founders == 7
    assert application.feasibility_plan.read(5) == b"%PDF-"
    assert AuditEvent.objects.filter(action="founding.create").count() == 1


def test_tracking_code_goes_out_by_sms_on_commit(
    applicant: User,
    khorramabad: County,
    django_capture_on_commit_callbacks: Any,
    sms_outbox: list[Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        application = create_application(applicant, khorramabad.pk)
    assert sms_outbox == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()

    assert [m.to for m in sms_outbox] == [applicant.mobile]
    assert application.tracking_code in to_latin_digits(sms_outbox[0].text)


def test_tracking_code_is_drawn_again_on_collision(
    applicant: User, khorramabad: County, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = create_application(applicant, khorramabad.pk)
    taken = int(first.tracking_code) - 10**9
    draws = iter([taken, taken, 123])
    monkeypatch.setattr(application_module.secrets, "randbelow", lambda _n: next(draws))

    second = create_application(applicant, khorramabad.pk, founders=founders(7, start=20))

    assert second.tracking_code == str(10**9 + 123)


def test_persian_digits_in_national_ids_are_accepted(applicant: User, khorramabad: County) -> None:
    people = founders()
    people[0] = founder_data(
        0,
        national_id="۰"
        + people[0].national_id[1:].translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")),
    )
    application = create_application(applicant, khorramabad.pk, founders=people)
    assert application.founders.count() == 7


def test_founders_below_the_minimum(applicant: User, khorramabad: County) -> None:
    error = refused(applicant, khorramabad, founders=founders(6))
    assert "founders" in error.fields
    assert "۷" in error.fields["founders"][0]


def test_invalid_national_id_among_founders(applicant: User, khorramabad: County) -> None:
    people = founders()
    people[3] = founder_data(3, national_id="1234567890")
    error = refused(applicant, khorramabad, founders=people)
    assert error.fields == {"founders.3.national_id": ["کد ملی معتبر نیست."]}
    assert not Person.objects.exists()


def test_duplicate_national_id_among_founders(applicant: User, khorramabad: County) -> None:
    people = founders(8)
    people[7] = founder_data(7, national_id=people[2].national_id)
    error = refused(applicant, khorramabad, founders=people)
    assert list(error.fields) == ["founders.7.national_id"]
    assert "دو بار" in error.message


def test_invalid_mobile_of_a_founder(applicant: User, khorramabad: County) -> None:
    people = founders()
    people[1] = founder_data(1, mobile="12345")
    error = refused(applicant, khorramabad, founders=people)
    assert list(error.fields) == ["founders.1.mobile"]


def test_founder_without_a_name(applicant: User, khorramabad: County) -> None:
    people = founders()
    people[0] = founder_data(0, first_name="  ")
    error = refused(applicant, khorramabad, founders=people)
    assert list(error.fields) == ["founders.0.first_name"]


def test_plan_that_is_not_a_pdf(applicant: User, khorramabad: County) -> None:
    fake = plan_file(b"PK\x03\x04 this is a zip renamed to .pdf", name="plan.pdf")
    error = refused(applicant, khorramabad, feasibility_plan=fake)
    assert error.fields == {"feasibility_plan": ["فایل طرح توجیهی یک PDF واقعی نیست."]}


def test_plan_over_ten_megabytes(applicant: User, khorramabad: County) -> None:
    big = plan_file(b"%PDF-1.4\n" + b"0" * MAX_PLAN_BYTES)
    error = refused(applicant, khorramabad, feasibility_plan=big)
    assert "۱۰ مگابایت" in error.fields["feasibility_plan"][0]


def test_empty_plan_and_missing_plan(applicant: User, khorramabad: County) -> None:
    assert (
        "feasibility_plan"
        in refused(applicant, khorramabad, feasibility_plan=plan_file(b"")).fields
    )
    assert "feasibility_plan" in refused(applicant, khorramabad, feasibility_plan=None).fields


def test_more_than_three_names(applicant: User, khorramabad: County) -> None:
    error = refused(applicant, khorramabad, names=["الف", "ب", "پ", "ت"])
    assert error.fields == {"names": ["حداکثر سه نام پیشنهادی پذیرفته می‌شود."]}


def test_no_name(applicant: User, khorramabad: County) -> None:
    assert "names" in refused(applicant, khorramabad, names=["", "  "]).fields


def test_the_same_name_twice_by_search_key(applicant: User, khorramabad: County) -> None:
    error = refused(applicant, khorramabad, names=["تعاونی‌ها", "تعاونیها"])
    assert "تکراری" in error.fields["names"][0]


def test_unknown_kind_sector_and_county(applicant: User, khorramabad: County) -> None:
    error = refused(applicant, khorramabad, kind="weaving", sector="space", county_id=99999)
    assert {"kind", "sector", "county"} <= set(error.fields)


def test_special_membership_needs_its_group(applicant: User, khorramabad: County) -> None:
    error = refused(applicant, khorramabad, membership_kind="special", special_group="")
    assert "special_group" in error.fields


def test_missing_activity(applicant: User, khorramabad: County) -> None:
    assert "activity" in refused(applicant, khorramabad, activity="   ").fields


def test_profile_minimum_is_read_from_the_rule_profile(
    applicant: User, khorramabad: County, national_officer: User
) -> None:
    from taavon.registry.models import RuleProfile
    from taavon.registry.services.rules import rule_profile_publish

    general = RuleProfile.objects.get(kind="", sector="")
    rule_profile_publish(actor=national_officer, base=general, changes={"min_founders": 9})

    error = refused(applicant, khorramabad, founders=founders(8))
    assert "۹" in error.fields["founders"][0]
