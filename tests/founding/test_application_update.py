"""Editing a draft or returned application, and its founders list."""

from __future__ import annotations

import pytest

from taavon.accounts.models import User
from taavon.core.errors import ApplicationError, ConflictError
from taavon.founding.models import FoundingApplication
from taavon.founding.services import application_update, founder_add, founder_remove
from tests.founding.helpers import act, founder_data, plan_file

pytestmark = pytest.mark.django_db


def test_update_changes_only_the_given_fields(applicant: User, draft: FoundingApplication) -> None:
    application_update(
        actor=applicant,
        application_id=draft.pk,
        names=["تعاونی تازه"],
        activity="  پرورش   زنبور عسل ",
    )
    draft.refresh_from_db()
    assert [n.name for n in draft.proposed_names.all()] == ["تعاونی تازه"]
    assert draft.activity == "پرورش زنبور عسل"
    assert draft.sector == "tourism"


def test_changing_the_sector_changes_the_rule_profile(
    applicant: User, draft: FoundingApplication
) -> None:
    application_update(actor=applicant, application_id=draft.pk, sector="housing")
    draft.refresh_from_db()
    assert draft.rule_profile.sector == "housing"


def test_update_refuses_a_plan_that_is_not_a_pdf(
    applicant: User, draft: FoundingApplication
) -> None:
    with pytest.raises(ApplicationError) as caught:
        application_update(
            actor=applicant, application_id=draft.pk, feasibility_plan=plan_file(b"GIF89a")
        )
    assert "feasibility_plan" in caught.value.fields


def test_update_refuses_unknown_fields(applicant: User, draft: FoundingApplication) -> None:
    with pytest.raises(ApplicationError) as caught:
        application_update(actor=applicant, application_id=draft.pk, status="approved")
    assert "status" in caught.value.fields


def test_no_edit_once_submitted(applicant: User, submitted: FoundingApplication) -> None:
    with pytest.raises(ConflictError):
        application_update(actor=applicant, application_id=submitted.pk, activity="x")


def test_edit_again_when_returned(
    applicant: User, officer: User, submitted: FoundingApplication
) -> None:
    act(officer, submitted, "return", note="نام دوم را اصلاح کنید.")
    application_update(actor=applicant, application_id=submitted.pk, names=["تعاونی یک"])
    assert act(applicant, submitted, "submit").status == "submitted"


def test_founder_add_and_remove(applicant: User, draft: FoundingApplication) -> None:
    founder = founder_add(actor=applicant, application_id=draft.pk, person=founder_data(30))
    assert draft.founders.count() == 8
    founder_remove(actor=applicant, application_id=draft.pk, founder_id=founder.pk)
    assert draft.founders.count() == 7


def test_founder_add_refuses_a_duplicate(applicant: User, draft: FoundingApplication) -> None:
    existing = draft.founders.first()
    assert existing is not None
    with pytest.raises(ApplicationError) as caught:
        founder_add(
            actor=applicant,
            application_id=draft.pk,
            person=founder_data(40, national_id=existing.person.national_id),
        )
    assert caught.value.code == "duplicate"


def test_founder_add_refuses_an_invalid_national_id(
    applicant: User, draft: FoundingApplication
) -> None:
    with pytest.raises(ApplicationError) as caught:
        founder_add(
            actor=applicant,
            application_id=draft.pk,
            person=founder_data(41, national_id="0000000000"),
        )
    assert list(caught.value.fields) == ["national_id"]


def test_founder_remove_never_below_the_minimum(
    applicant: User, draft: FoundingApplication
) -> None:
    first = draft.founders.first()
    assert first is not None
    with pytest.raises(ApplicationError) as caught:
        founder_remove(actor=applicant, application_id=draft.pk, founder_id=first.pk)
    assert caught.value.code == "below_min_founders"
    assert draft.founders.count() == 7


def test_removing_the_chair_passes_the_chair_on(
    applicant: User, draft: FoundingApplication
) -> None:
    founder_add(actor=applicant, application_id=draft.pk, person=founder_data(31))
    chair = draft.founders.get(is_chair=True)
    founder_remove(actor=applicant, application_id=draft.pk, founder_id=chair.pk)
    assert draft.founders.filter(is_chair=True).count() == 1
