"""The capital step: batch subscriptions (cap on the final state) and payments via the ledger."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from taavon.accounts.models import User
from taavon.capital.chain import verify_chain
from taavon.capital.models import LedgerEntry
from taavon.capital.selectors import cooperative_totals
from taavon.core.errors import ApplicationError, ConflictError
from taavon.founding.models import FoundingApplication
from taavon.founding.services import CapitalRow, founding_capital_record
from taavon.notifications.models import Notification
from taavon.registry.models import Membership
from tests.founding.helpers import record_capital

pytestmark = pytest.mark.django_db


def members(application: FoundingApplication) -> list[Membership]:
    return list(
        Membership.objects.filter(cooperative_id=application.cooperative_id or 0).order_by(
            "register_number"
        )
    )


def test_subscriptions_and_payments_go_through_the_ledger(
    applicant: User, approved: FoundingApplication
) -> None:
    record_capital(applicant, approved, shares=10, paid=4_000_000)
    assert approved.cooperative_id is not None
    totals = cooperative_totals(approved.cooperative_id)
    assert (totals.subscribed, totals.paid) == (70_000_000, 28_000_000)
    assert LedgerEntry.objects.filter(cooperative_id=approved.cooperative_id).count() == 14
    assert verify_chain(approved.cooperative_id).ok


def test_the_cap_is_checked_on_the_batch_not_row_by_row(
    officer: User, approved: FoundingApplication
) -> None:
    # Alone, the first row would be 100% of the capital; together each holds 1/7 (< 30%).
    rows = [CapitalRow(m.pk, shares=5) for m in members(approved)]
    founding_capital_record(
        actor=officer, application_id=approved.pk, rows=rows, effective_on=timezone.localdate()
    )


def test_a_founder_over_the_cap_is_refused_and_nothing_is_recorded(
    officer: User, approved: FoundingApplication
) -> None:
    rows = [CapitalRow(m.pk, shares=1) for m in members(approved)]
    rows[0] = CapitalRow(rows[0].membership_id, shares=10)
    with pytest.raises(ApplicationError) as caught:
        founding_capital_record(
            actor=officer, application_id=approved.pk, rows=rows, effective_on=timezone.localdate()
        )
    assert caught.value.code == "over_cap"
    assert "rows.0.shares" in caught.value.fields
    assert not LedgerEntry.objects.exists()


def test_paying_more_than_subscribed_is_refused(
    officer: User, approved: FoundingApplication
) -> None:
    first = members(approved)[0]
    rows = [CapitalRow(m.pk, shares=1) for m in members(approved)]
    rows[0] = CapitalRow(first.pk, shares=1, paid=2_000_000)
    with pytest.raises(ApplicationError) as caught:
        founding_capital_record(
            actor=officer, application_id=approved.pk, rows=rows, effective_on=timezone.localdate()
        )
    assert caught.value.code == "overpay"
    assert "rows.0.paid" in caught.value.fields
    assert not LedgerEntry.objects.exists()


@pytest.mark.parametrize("bad", [-1, 1.5, "10"])
def test_negative_and_non_integer_amounts(
    officer: User, approved: FoundingApplication, bad: object
) -> None:
    first = members(approved)[0]
    with pytest.raises(ApplicationError) as caught:
        founding_capital_record(
            actor=officer,
            application_id=approved.pk,
            rows=[CapitalRow(first.pk, shares=bad)],  # type: ignore[arg-type]
            effective_on=timezone.localdate(),
        )
    assert "rows.0.shares" in caught.value.fields


def test_an_empty_batch(officer: User, approved: FoundingApplication) -> None:
    rows = [CapitalRow(m.pk) for m in members(approved)]
    with pytest.raises(ApplicationError) as caught:
        founding_capital_record(
            actor=officer, application_id=approved.pk, rows=rows, effective_on=timezone.localdate()
        )
    assert "rows" in caught.value.fields


def test_a_stranger_membership(officer: User, approved: FoundingApplication) -> None:
    with pytest.raises(ApplicationError) as caught:
        founding_capital_record(
            actor=officer,
            application_id=approved.pk,
            rows=[CapitalRow(999_999, shares=1)],
            effective_on=timezone.localdate(),
        )
    assert caught.value.code == "not_member"


def test_no_capital_before_approval(officer: User, submitted: FoundingApplication) -> None:
    with pytest.raises(ConflictError):
        founding_capital_record(
            actor=officer,
            application_id=submitted.pk,
            rows=[CapitalRow(1, shares=1)],
            effective_on=timezone.localdate(),
        )


def test_a_future_date(officer: User, approved: FoundingApplication) -> None:
    first = members(approved)[0]
    with pytest.raises(ApplicationError) as caught:
        founding_capital_record(
            actor=officer,
            application_id=approved.pk,
            rows=[CapitalRow(first.pk, shares=1)],
            effective_on=timezone.localdate() + datetime.timedelta(days=3),
        )
    assert "effective_on" in caught.value.fields


def test_capital_may_also_follow_the_assembly(
    officer: User, assembly_held: FoundingApplication
) -> None:
    record_capital(officer, assembly_held)
    assert assembly_held.cooperative_id is not None
    assert cooperative_totals(assembly_held.cooperative_id).paid == 28_000_000


def test_ledger_messages_on_a_row_keep_the_language_s_digits(
    officer: User, approved: FoundingApplication
) -> None:
    # The ledger already localises its numbers; an English message used to get Persian digits.
    rows = [CapitalRow(m.pk, shares=1) for m in members(approved)]
    rows[0] = CapitalRow(rows[0].membership_id, shares=1, paid=2_000_000)
    with translation.override("en"), pytest.raises(ApplicationError) as caught:
        founding_capital_record(
            actor=officer, application_id=approved.pk, rows=rows, effective_on=timezone.localdate()
        )
    assert "(1,000,000 rials)" in caught.value.message
    assert "(1,000,000 rials)" in caught.value.fields["rows.0.paid"][0]


@pytest.mark.parametrize(("language", "amount"), [("fa", "۷۰٬۰۰۰٬۰۰۰"), ("en", "70,000,000")])
def test_the_applicant_is_told_the_amounts_in_the_language_s_digits(
    officer: User, approved: FoundingApplication, language: str, amount: str
) -> None:
    with translation.override(language):
        record_capital(officer, approved, shares=10)
    body = Notification.objects.filter(code="founding.capital").get().body
    assert amount in body
