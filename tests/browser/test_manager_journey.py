"""A cooperative's manager in a real browser: logs in with a national ID, admits a member,
records a subscription and a payment, and sees the balances in Persian digits. Screenshots of
the dashboard, members, member and ledger pages go to artifacts/screenshots/ for a human eye."""

from __future__ import annotations

import re

import pytest

from taavon.accounts.models import Role
from taavon.capital.selectors import member_totals
from taavon.registry.models import Membership
from tests.capital.builders import admit, share_class, subscribe_all
from tests.factories import PASSWORD, CooperativeFactory, RoleFactory, UserFactory, national_id

from .conftest import BrowserSession

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LATIN_DIGIT = re.compile(r"[0-9]")
NEW_MEMBER_ID = national_id(77_001)


def _no_latin_digits(session: BrowserSession) -> None:
    text = session.page.inner_text("main")
    assert not LATIN_DIGIT.findall(text), f"Latin digits in the Persian UI: {text[:400]}"


def _submit(session: BrowserSession, form: str) -> None:
    page = session.page
    with page.expect_navigation():
        page.click(f"{form} button.btn-primary, {form} button.btn-success")
    page.wait_for_load_state("networkidle")


def test_manager_admits_a_member_and_records_subscription_and_payment(
    browser_session: BrowserSession,
) -> None:
    from django.db.models import Q

    from taavon.geo.models import County

    coop = CooperativeFactory(
        name="تعاونی فرش دستباف بانوان دورود", county=County.objects.get(slug="dorud")
    )
    klass = share_class(coop)
    subscribe_all(coop, admit(coop, 4), klass)  # 40 shares: a new member's 5 stay under 30%
    manager = UserFactory(first_name="رضا", last_name="سپهوند")
    RoleFactory(user=manager, role=Role.COOP_MANAGER, cooperative_id=coop.pk)
    page = browser_session.page

    browser_session.goto("/login/")
    page.fill(
        "input[name=identifier]",
        manager.national_id.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")),
    )
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("form button[type=submit]")

    browser_session.goto("/cooperatives/")
    with page.expect_navigation():
        page.click(f"text={coop.name}")
    page.wait_for_load_state("networkidle")
    assert page.inner_text("#stat-members") == "۴"
    assert page.inner_text("#stat-subscribed") == "۴۰٬۰۰۰٬۰۰۰"
    _no_latin_digits(browser_session)
    browser_session.screenshot("coop-dashboard-fa")

    page.click("text=اعضا")
    page.wait_for_load_state("networkidle")
    browser_session.screenshot("coop-members-fa")
    with page.expect_navigation():
        page.click("#admit-link")
    page.fill("input[name=national_id]", NEW_MEMBER_ID)
    page.fill("input[name=first_name]", "ليلا")  # Arabic yeh, as old keyboards type it
    page.fill("input[name=last_name]", "میرزایی")
    page.fill("input[name=father_name]", "محمد")
    page.fill("input[name=birth_date]", "۱۳۷۰/۰۵/۱۲")
    page.keyboard.press("Escape")
    page.select_option("select[name=gender]", "female")
    page.fill("input[name=mobile]", "۰۹۱۲۱۲۳۴۵۶۷")
    with page.expect_navigation(url=re.compile(r"/members/\d+/$")):
        page.click("#admit-form button.btn-success")
    page.wait_for_load_state("networkidle")
    assert "لیلا میرزایی" in page.inner_text("h2")
    assert "۵" in page.inner_text(".alert-success")  # register number 5, in Persian digits

    page.fill("#subscribe-form input[name=shares]", "۵")
    _submit(browser_session, "#subscribe-form")
    page.fill("#pay-form input[name=amount]", "۲٬۰۰۰٬۰۰۰")
    _submit(browser_session, "#pay-form")

    balances = page.inner_text("#balances")
    assert "۵٬۰۰۰٬۰۰۰" in balances  # subscribed
    assert "۲٬۰۰۰٬۰۰۰" in balances  # paid
    assert "۳٬۰۰۰٬۰۰۰" in balances  # outstanding
    _no_latin_digits(browser_session)
    browser_session.screenshot("coop-member-fa")

    member = Membership.objects.get(Q(cooperative=coop), person__national_id=NEW_MEMBER_ID)
    totals = member_totals(coop.pk, [member.pk])[member.pk]
    assert (totals.subscribed, totals.paid) == (5_000_000, 2_000_000)

    page.click("text=دفتر سرمایه")
    page.wait_for_load_state("networkidle")
    assert page.locator("#ledger-rows tbody tr").count() == 6
    _no_latin_digits(browser_session)
    browser_session.screenshot("coop-ledger-fa")

    page.click("text=پیشخوان تعاونی")
    page.wait_for_load_state("networkidle")
    page.click("#chain-check")
    page.wait_for_selector("#chain-result .alert-success")
    assert "۶ سند" in page.inner_text("#chain-result")
    browser_session.screenshot("coop-dashboard-after-fa")
    assert browser_session.external_requests == []
    assert browser_session.failed_responses == []
