"""application_transition: the table, the permission, the history, the audit, the notices."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from taavon.accounts.models import User
from taavon.audit.models import AuditEvent
from taavon.core.errors import ApplicationError, ConflictError, NotFoundError
from taavon.founding.models import ApplicationStatus, ApplicationTransition, FoundingApplication
from taavon.founding.services import ActionForbidden
from taavon.notifications.models import Notification
from taavon.persian.text import to_latin_digits
from tests.founding.helpers import (
    LEGAL_ID,
    act,
    assembly_payload,
    create_application,
    record_capital,
)

pytestmark = pytest.mark.django_db


def test_submit_records_history_audit_and_time(applicant: User, draft: FoundingApplication) -> None:
    act(applicant, draft, "submit")
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED and draft.submitted_at is not None
    (step,) = ApplicationTransition.objects.filter(application=draft)
    assert (step.action, step.from_status, step.to_status, step.actor) == (
        "submit",
        "draft",
        "submitted",
        applicant,
    )
    assert AuditEvent.objects.filter(action="founding.submit", county_id=draft.county_id).exists()


def test_illegal_transition_register_from_submitted(
    officer: User, submitted: FoundingApplication
) -> None:
    with pytest.raises(ConflictError) as caught:
        act(
            officer,
            submitted,
            "register",
            registration_number="1",
            registration_date=timezone.localdate(),
            legal_national_id=LEGAL_ID,
        )
    assert caught.value.code == "invalid_transition"
    assert "در انتظار بررسی" in caught.value.message
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED


def test_officer_of_another_county_gets_not_found(
    dorud_officer: User, submitted: FoundingApplication
) -> None:
    with pytest.raises(NotFoundError):
        act(dorud_officer, submitted, "approve")
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED


def test_a_stranger_gets_not_found(member: User, draft: FoundingApplication) -> None:
    with pytest.raises(NotFoundError):
        act(member, draft, "submit")


def test_applicant_may_not_approve(applicant: User, submitted: FoundingApplication) -> None:
    with pytest.raises(ActionForbidden) as caught:
        act(applicant, submitted, "approve")
    assert caught.value.status_code == 403


def test_officer_may_not_submit_for_the_applicant(
    officer: User, draft: FoundingApplication
) -> None:
    with pytest.raises(ActionForbidden):
        act(officer, draft, "submit")


def test_an_officer_never_reviews_their_own_application(officer: User, khorramabad: Any) -> None:
    own = create_application(officer, khorramabad.pk)
    act(officer, own, "submit")
    with pytest.raises(ActionForbidden):
        act(officer, own, "approve")


def test_unknown_action_and_unknown_payload(
    applicant: User, officer: User, draft: FoundingApplication
) -> None:
    with pytest.raises(ApplicationError) as unknown:
        act(applicant, draft, "publish")
    assert unknown.value.code == "unknown_action"
    with pytest.raises(ApplicationError) as extra:
        act(applicant, draft, "submit", note="x")
    assert "note" in extra.value.fields


def test_return_needs_a_note(officer: User, submitted: FoundingApplication) -> None:
    with pytest.raises(ApplicationError) as caught:
        act(officer, submitted, "return", note="   ")
    assert "note" in caught.value.fields
    act(officer, submitted, "return", note="طرح توجیهی ناقص است.")
    submitted.refresh_from_db()
    assert (submitted.status, submitted.officer_note) == ("returned", "طرح توجیهی ناقص است.")


def test_reject_needs_a_reason(officer: User, submitted: FoundingApplication) -> None:
    with pytest.raises(ApplicationError) as caught:
        act(officer, submitted, "reject")
    assert "reason" in caught.value.fields
    act(officer, submitted, "reject", reason="فعالیت در حوزهٔ تعاون نیست.")
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.REJECTED


def test_submit_refused_when_founders_fell_below_a_raised_minimum(
    applicant: User, draft: FoundingApplication
) -> None:
    profile = draft.rule_profile
    profile.min_founders = 8  # stands for a profile the founders must now meet
    profile.save()
    with pytest.raises(ApplicationError) as caught:
        act(applicant, draft, "submit")
    assert caught.value.code == "below_min_founders"


def test_withdraw_from_draft_submitted_and_returned(
    applicant: User, officer: User, submitted: FoundingApplication
) -> None:
    act(officer, submitted, "return", note="اصلاح")
    act(applicant, submitted, "withdraw", reason="منصرف شدیم")
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.WITHDRAWN
    with pytest.raises(ConflictError):
        act(applicant, submitted, "submit")


def _texts(outbox: list[Any]) -> list[str]:
    return [to_latin_digits(m.text) for m in outbox]


def test_every_step_notifies_the_applicant_by_sms_with_the_tracking_code(
    applicant: User,
    officer: User,
    draft: FoundingApplication,
    sms_outbox: list[Any],
    django_capture_on_commit_callbacks: Any,
    mailoutbox: list[Any],
) -> None:
    code = draft.tracking_code
    steps: list[tuple[User, str, dict[str, Any]]] = [
        (applicant, "submit", {}),
        (officer, "approve", {"name_rank": 2}),
    ]
    for actor, action, payload in steps:
        with django_capture_on_commit_callbacks(execute=True):
            act(actor, draft, action, **payload)
    draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        act(applicant, draft, "record_assembly", **assembly_payload(draft))
    with django_capture_on_commit_callbacks(execute=True):
        record_capital(officer, draft)
    with django_capture_on_commit_callbacks(execute=True):
        act(
            officer,
            draft,
            "register",
            registration_number="۱۲۳۴",
            registration_date=timezone.localdate(),
            legal_national_id=LEGAL_ID,
        )

    texts = _texts(sms_outbox)
    assert len(texts) == 5 and all(code in t for t in texts)
    assert all(m.to == applicant.mobile for m in sms_outbox)
    assert "ارسال شد" in texts[0] and "موافقت شد" in texts[1] and "مجمع مؤسس" in texts[2]
    assert "سرمایه" in texts[3] and "1234" in texts[4]
    assert len(mailoutbox) == 5
    assert Notification.objects.filter(recipient=applicant).count() == 6  # and the creation


def test_return_and_reject_notices_carry_the_officer_text(
    applicant: User,
    officer: User,
    submitted: FoundingApplication,
    sms_outbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        act(officer, submitted, "return", note="نشانی را کامل کنید.")
    assert "نشانی را کامل کنید." in sms_outbox[-1].text
    with django_capture_on_commit_callbacks(execute=True):
        act(applicant, submitted, "submit")
        act(officer, submitted, "reject", reason="تکراری است.")
    assert "تکراری است." in sms_outbox[-1].text


def test_nothing_is_sent_when_the_step_fails(
    officer: User,
    submitted: FoundingApplication,
    sms_outbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ApplicationError):
        act(officer, submitted, "return")
    assert sms_outbox == []
    assert not Notification.objects.filter(code="founding.return").exists()
