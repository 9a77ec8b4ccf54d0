"""The transition table is data: who may take which action from which status."""

from __future__ import annotations

import pytest

from taavon.accounts.models import User
from taavon.founding.models import ApplicationStatus as S
from taavon.founding.models import FoundingApplication
from taavon.founding.workflow import ACTIONS, APPLICANT, FOUNDING, OFFICER
from taavon.workflow.access import allowed_transitions
from taavon.workflow.selectors import overdue_q, waiting

TRANSITIONS = FOUNDING.transitions

pytestmark = pytest.mark.django_db


def test_table_holds_the_founding_steps() -> None:
    rows = {(t.source, t.action): (t.target, t.roles) for t in TRANSITIONS}
    assert rows[(S.DRAFT, "submit")] == (S.SUBMITTED, (APPLICANT,))
    assert rows[(S.RETURNED, "submit")] == (S.SUBMITTED, (APPLICANT,))
    assert rows[(S.SUBMITTED, "return")] == (S.RETURNED, (OFFICER,))
    assert rows[(S.SUBMITTED, "reject")] == (S.REJECTED, (OFFICER,))
    assert rows[(S.SUBMITTED, "approve")] == (S.APPROVED, (OFFICER,))
    assert rows[(S.APPROVED, "record_assembly")] == (S.ASSEMBLY_HELD, (APPLICANT, OFFICER))
    assert rows[(S.ASSEMBLY_HELD, "register")] == (S.REGISTERED, (OFFICER,))
    for source in (S.DRAFT, S.SUBMITTED, S.RETURNED):
        assert rows[(source, "withdraw")] == (S.WITHDRAWN, (APPLICANT,))
    assert len(rows) == len(TRANSITIONS) == 10
    assert set(ACTIONS) == {
        "submit",
        "return",
        "reject",
        "approve",
        "record_assembly",
        "register",
        "withdraw",
    }


def test_final_statuses_have_no_way_out() -> None:
    for status in (S.REJECTED, S.REGISTERED, S.WITHDRAWN):
        assert all(FOUNDING.transition(status, action) is None for action in ACTIONS)


def test_applicant_is_offered_submit_and_withdraw_on_a_draft(
    applicant: User, draft: FoundingApplication
) -> None:
    assert [t.action for t in allowed_transitions(applicant, draft)] == ["submit", "withdraw"]


def test_officer_is_offered_the_review_actions(
    officer: User, submitted: FoundingApplication
) -> None:
    assert [t.action for t in allowed_transitions(officer, submitted)] == [
        "return",
        "reject",
        "approve",
    ]


def test_officer_of_another_county_is_offered_nothing(
    dorud_officer: User, submitted: FoundingApplication
) -> None:
    assert allowed_transitions(dorud_officer, submitted) == []


def test_provincial_and_national_officers_may_review(
    provincial_officer: User, national_officer: User, submitted: FoundingApplication
) -> None:
    for user in (provincial_officer, national_officer):
        assert "approve" in [t.action for t in allowed_transitions(user, submitted)]


def test_both_roles_may_record_the_assembly(
    applicant: User, officer: User, approved: FoundingApplication
) -> None:
    assert [t.action for t in allowed_transitions(applicant, approved)] == ["record_assembly"]
    assert [t.action for t in allowed_transitions(officer, approved)] == ["record_assembly"]


def test_review_stages_have_target_days() -> None:
    assert FOUNDING.stage(S.SUBMITTED).target_days == 7
    assert FOUNDING.stage(S.DRAFT).target_days is None
    assert FOUNDING.stage(S.REGISTERED).target_days is None


def test_an_application_waiting_past_its_target_is_overdue(
    submitted: FoundingApplication,
) -> None:
    import datetime

    from django.utils import timezone

    applications = FoundingApplication.objects.filter(pk=submitted.pk)
    assert not applications.filter(overdue_q(FOUNDING)).exists()
    submitted.status_changed_at = timezone.now() - datetime.timedelta(days=8)
    submitted.save(update_fields=["status_changed_at"])
    assert list(applications.filter(overdue_q(FOUNDING))) == [submitted]


def test_an_officer_applying_for_themself_is_offered_no_review(
    officer: User, submitted: FoundingApplication
) -> None:
    submitted.applicant = officer
    submitted.save(update_fields=["applicant"])
    assert [t.action for t in allowed_transitions(officer, submitted)] == ["withdraw"]


@pytest.mark.parametrize(
    ("waited", "late", "days_over"),
    [
        ({"days": 6, "hours": 23}, False, 0),
        ({"days": 7}, False, 0),
        ({"days": 7, "hours": 5}, True, 1),
        ({"days": 8}, True, 1),
        ({"days": 8, "minutes": 1}, True, 1),
        ({"days": 9, "hours": 1}, True, 2),
    ],
)
def test_the_queue_and_the_badge_agree_at_the_boundary(
    submitted: FoundingApplication, waited: dict[str, int], late: bool, days_over: int
) -> None:
    import datetime

    from django.utils import timezone

    now = timezone.now()
    submitted.status_changed_at = now - datetime.timedelta(**waited)
    submitted.save(update_fields=["status_changed_at"])
    in_queue = FoundingApplication.objects.filter(overdue_q(FOUNDING, now), pk=submitted.pk)
    shown = waiting(submitted, now)
    assert shown is not None
    assert in_queue.exists() is late and shown.overdue is late
    assert shown.days_over == days_over
