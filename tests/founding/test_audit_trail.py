"""An application's audit trail: one catalogued action per step, found by its tracking code,
and (from approval on) by the name of the cooperative being founded."""

from __future__ import annotations

import pytest

from taavon.accounts.models import User
from taavon.audit.selectors import AuditFilter, audit_event_list
from taavon.audit.services import audit_record
from taavon.founding.events import FoundingEvent
from taavon.founding.models import FoundingApplication
from taavon.geo.models import County
from taavon.notifications.events import NotificationsEvent
from taavon.persian.text import to_persian_digits
from tests.founding.helpers import create_application, record_capital

pytestmark = pytest.mark.django_db


def actions(user: User, **filters: str) -> list[str]:
    found = audit_event_list(user=user, filters=AuditFilter(**filters))
    return [e.action for e in found.order_by("occurred_at", "id")]


def test_every_step_is_found_by_the_tracking_code(
    officer: User, applicant: User, approved: FoundingApplication, khorramabad: County
) -> None:
    other = create_application(applicant, khorramabad.pk)
    assert actions(officer, tracking_code=approved.tracking_code) == [
        FoundingEvent.CREATE,
        FoundingEvent.SUBMIT,
        FoundingEvent.APPROVE,
    ]
    assert actions(officer, tracking_code=other.tracking_code) == [FoundingEvent.CREATE]


def test_the_code_may_be_typed_in_persian_digits(
    officer: User, submitted: FoundingApplication
) -> None:
    typed = f" {to_persian_digits(submitted.tracking_code)} "
    assert actions(officer, tracking_code=typed) == [FoundingEvent.CREATE, FoundingEvent.SUBMIT]


def test_an_event_that_mentions_the_code_is_found_too(
    officer: User, draft: FoundingApplication
) -> None:
    audit_record(
        actor=officer,
        action=NotificationsEvent.MARK_READ,
        summary=f"about {draft.tracking_code}",
        county_id=draft.county_id,
    )
    assert actions(officer, tracking_code=draft.tracking_code) == [
        FoundingEvent.CREATE,
        NotificationsEvent.MARK_READ,
    ]


def test_the_tracking_code_filter_stays_within_the_scope(
    dorud_officer: User, submitted: FoundingApplication
) -> None:
    assert actions(dorud_officer, tracking_code=submitted.tracking_code) == []


def test_from_approval_on_the_events_carry_the_cooperative(
    officer: User, approved: FoundingApplication
) -> None:
    record_capital(officer, approved)
    assert approved.cooperative is not None
    name = approved.cooperative.name
    found = set(actions(officer, cooperative=name))
    assert {FoundingEvent.APPROVE, FoundingEvent.CAPITAL} <= found
    assert {"capital.share_class.create", "capital.subscribe", "capital.pay"} <= found
    assert FoundingEvent.SUBMIT not in found  # before approval there was no cooperative
