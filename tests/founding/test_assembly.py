"""The founding assembly: statute majority, board and inspectors elected from the members."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from taavon.accounts.models import User
from taavon.core.errors import ApplicationError
from taavon.founding.models import (
    ApplicationStatus,
    FoundingApplication,
    FoundingAssembly,
    OfficerRole,
    OfficerTerm,
)
from tests.founding.helpers import act, assembly_payload, founder_data

pytestmark = pytest.mark.django_db


def refused(actor: User, application: FoundingApplication, **overrides: Any) -> ApplicationError:
    with pytest.raises(ApplicationError) as caught:
        act(actor, application, "record_assembly", **assembly_payload(application, **overrides))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert not FoundingAssembly.objects.exists() and not OfficerTerm.objects.exists()
    return caught.value


def test_records_the_assembly_and_the_terms(applicant: User, approved: FoundingApplication) -> None:
    held_on = timezone.localdate()
    act(applicant, approved, "record_assembly", **assembly_payload(approved, minutes="تصویب شد"))
    approved.refresh_from_db()
    assert approved.status == ApplicationStatus.ASSEMBLY_HELD
    assembly = approved.assembly
    assert (assembly.members_present, assembly.statute_votes_for) == (7, 6)
    terms = OfficerTerm.objects.filter(assembly=assembly)
    assert sorted(terms.values_list("role", flat=True)) == sorted(
        [OfficerRole.BOARD] * 3
        + [OfficerRole.BOARD_ALTERNATE, OfficerRole.INSPECTOR, OfficerRole.INSPECTOR_ALTERNATE]
    )
    board = terms.filter(role=OfficerRole.BOARD).first()
    inspector = terms.get(role=OfficerRole.INSPECTOR)
    assert board is not None and board.membership is not None
    assert board.ends_on.year == held_on.year + 2  # board_term_years
    assert inspector.ends_on.year == held_on.year + 1  # inspector_term_years


def test_officer_may_record_it_too(officer: User, approved: FoundingApplication) -> None:
    act(officer, approved, "record_assembly", **assembly_payload(approved))
    approved.refresh_from_db()
    assert approved.status == ApplicationStatus.ASSEMBLY_HELD


def test_statute_majority_not_reached(applicant: User, approved: FoundingApplication) -> None:
    error = refused(applicant, approved, members_present=6, statute_votes_for=3)
    assert error.code == "statute_not_adopted"
    assert "۲/۳" in error.message


def test_exactly_two_thirds_adopts(applicant: User, approved: FoundingApplication) -> None:
    act(
        applicant,
        approved,
        "record_assembly",
        **assembly_payload(approved, members_present=6, statute_votes_for=4),
    )
    approved.refresh_from_db()
    assert approved.status == ApplicationStatus.ASSEMBLY_HELD


def test_nobody_present(applicant: User, approved: FoundingApplication) -> None:
    error = refused(applicant, approved, members_present=0, statute_votes_for=0)
    assert "members_present" in error.fields


def test_more_present_than_members(applicant: User, approved: FoundingApplication) -> None:
    assert "members_present" in refused(applicant, approved, members_present=8).fields


def test_more_votes_than_present(applicant: User, approved: FoundingApplication) -> None:
    error = refused(applicant, approved, members_present=5, statute_votes_for=6)
    assert "statute_votes_for" in error.fields


def test_board_too_small(applicant: User, approved: FoundingApplication) -> None:
    payload = assembly_payload(approved)
    error = refused(applicant, approved, board=payload["board"][:2])
    assert "board" in error.fields
    assert "۳" in error.fields["board"][0] and "۷" in error.fields["board"][0]


def test_board_too_large(applicant: User, approved: FoundingApplication, officer: User) -> None:
    from taavon.registry.services.members import membership_admit

    for serial in range(60, 62):  # nine members, so eight could sit on a board
        membership_admit(
            actor=officer,
            cooperative_id=approved.cooperative_id or 0,
            person=founder_data(serial),
            joined_on=timezone.localdate(),
        )
    ids = [m.person.national_id for m in approved.cooperative.memberships.all()]  # type: ignore[union-attr]
    error = refused(
        applicant,
        approved,
        board=ids[:8],
        board_alternates=[],
        inspectors=ids[8:9],
        inspector_alternates=[],
    )
    assert "board" in error.fields


def test_alternates_must_be_a_third_of_the_board(
    applicant: User, approved: FoundingApplication
) -> None:
    error = refused(applicant, approved, board_alternates=[])
    assert "board_alternates" in error.fields


def test_inspector_counts(applicant: User, approved: FoundingApplication) -> None:
    assert "inspectors" in refused(applicant, approved, inspectors=[]).fields
    assert "inspector_alternates" in refused(applicant, approved, inspector_alternates=[]).fields


def test_elected_person_not_a_member(applicant: User, approved: FoundingApplication) -> None:
    outsider = founder_data(99).national_id
    payload = assembly_payload(approved)
    error = refused(applicant, approved, board=[*payload["board"][:2], outsider])
    assert "board" in error.fields
    assert "از اعضای این تعاونی نیست" in error.fields["board"][0]


def test_one_person_one_seat(applicant: User, approved: FoundingApplication) -> None:
    payload = assembly_payload(approved)
    error = refused(applicant, approved, inspectors=payload["board"][:1])
    assert "inspectors" in error.fields


def test_date_in_the_future(applicant: User, approved: FoundingApplication) -> None:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert "held_on" in refused(applicant, approved, held_on=tomorrow).fields


def test_date_before_the_agreement(applicant: User, approved: FoundingApplication) -> None:
    last_year = timezone.localdate() - datetime.timedelta(days=365)
    assert "held_on" in refused(applicant, approved, held_on=last_year).fields
