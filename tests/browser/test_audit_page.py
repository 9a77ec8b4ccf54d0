"""The audit log in a real browser: actions by their labels, filtered from the catalogue's list
(htmx swaps the rows), by cooperative name and tracking code; amounts with the rial sign in
Persian digits; no sideways scrolling on a phone. Screenshots in fa and en, 1280 and 390 px."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from taavon.accounts.models import Role
from taavon.geo.models import County
from taavon.persian.text import to_persian_digits
from tests.capital.builders import admit, pay, share_class, subscribe_all
from tests.factories import PASSWORD, CooperativeFactory, RoleFactory, StaffUserFactory
from tests.founding.helpers import act, create_application

from .conftest import BrowserSession

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _filter(session: BrowserSession) -> None:
    """Press «پالایش»: htmx swaps #audit-rows and pushes the URL, no full page load."""
    page = session.page
    with page.expect_response(lambda r: "/audit/?" in r.url) as answer:
        page.click("#main form button.btn-primary")
    assert answer.value.request.headers.get("hx-request") == "true"
    page.wait_for_url(re.compile(r"/audit/\?"))
    page.wait_for_load_state("networkidle")


def test_the_audit_log_in_persian_and_english_on_desktop_and_phone(
    browser_session: BrowserSession, settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    khorramabad = County.objects.get(slug="khorramabad")
    coop = CooperativeFactory(name="تعاونی فرش دستباف بانوان دورود", county=khorramabad)
    klass = share_class(coop)
    members = admit(coop, 4)
    subscribe_all(coop, members, klass)
    pay(members[0], klass, 2_500_000)
    applicant = StaffUserFactory()
    application = create_application(applicant, khorramabad.pk)
    act(applicant, application, "submit")
    officer = StaffUserFactory(first_name="مینا", last_name="کرمی")
    RoleFactory(user=officer, role=Role.NATIONAL_OFFICER)
    page = browser_session.page

    browser_session.login(officer.username, "not-the-password")  # audited with the name tried
    browser_session.login(officer.username, PASSWORD)
    browser_session.goto("/audit/")
    rows = page.locator("#audit-rows")
    assert "ورود ناموفق" in rows.inner_text()
    assert "پرداخت سرمایه" in rows.inner_text() and "capital.pay" in rows.inner_text()
    assert "۲٬۵۰۰٬۰۰۰ ﷼" in rows.inner_text()
    browser_session.assert_no_latin_digits()
    browser_session.assert_fits()
    browser_session.screenshot("audit-fa")

    # The list of actions, grouped by context; htmx replaces only the rows.
    page.select_option("select[name=action]", "capital.subscribe")
    _filter(browser_session)
    assert "action=capital.subscribe" in page.url
    labels = page.locator("#audit-rows .audit-action").all_inner_texts()
    assert labels and set(labels) == {"تعهد سهام"}
    assert "۴۰٬۰۰۰٬۰۰۰ ﷼" in rows.inner_text()
    browser_session.assert_no_latin_digits()
    browser_session.screenshot("audit-action-fa")

    # By cooperative name, typed with an Arabic yeh and other spacing.
    page.select_option("select[name=action]", "")
    page.fill("input[name=cooperative]", "تعاوني فرش دست باف")
    _filter(browser_session)
    assert "تعاونی فرش دستباف بانوان دورود" in rows.inner_text()
    assert "ورود ناموفق" not in rows.inner_text()

    # By tracking code, typed in Persian digits.
    page.fill("input[name=cooperative]", "")
    page.fill("input[name=tracking_code]", to_persian_digits(application.tracking_code))
    _filter(browser_session)
    labels = page.locator("#audit-rows .audit-action").all_inner_texts()
    assert labels == ["ارسال درخواست برای بررسی", "ایجاد درخواست تأسیس"]
    browser_session.assert_no_latin_digits()

    page.set_viewport_size(PHONE)
    browser_session.goto("/audit/")
    browser_session.assert_fits()
    browser_session.assert_no_latin_digits()
    browser_session.screenshot("audit-mobile-fa")

    page.set_viewport_size(DESKTOP)
    with page.expect_navigation():
        page.click("button[name=language][value=en]")
    page.wait_for_load_state("networkidle")
    assert "Capital payment" in rows.inner_text()
    assert "2,500,000 rials" in rows.inner_text()
    assert "Failed sign-in" in rows.inner_text()
    browser_session.assert_fits()
    browser_session.screenshot("audit-en")
    page.set_viewport_size(PHONE)
    browser_session.goto("/audit/")
    browser_session.assert_fits()
    browser_session.screenshot("audit-mobile-en")
    assert browser_session.external_requests == []
    assert [r for r in browser_session.failed_responses if "/login/" not in r] == []
