"""Founding a cooperative end to end in a real browser: a founder applies (with a real PDF plan),
the county officer approves, capital is subscribed and paid, the founding assembly is recorded,
the officer registers the cooperative, and its public page shows it."""

from __future__ import annotations

import re
from typing import Any, cast

import pytest
from django.urls import reverse

from taavon.accounts.models import Role, User
from taavon.founding.models import ApplicationStatus, FoundingApplication
from taavon.geo.models import County
from taavon.notifications.sms import MemorySmsGateway
from taavon.persian.text import to_latin_digits
from taavon.registry.models import CooperativeStatus
from tests.factories import PASSWORD, RoleFactory, StaffUserFactory, UserFactory
from tests.founding.helpers import LEGAL_ID, founder_data, minimal_pdf

from .conftest import BrowserSession

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LATIN_DIGIT = re.compile(r"[0-9]")


def login(session: BrowserSession, identifier: str) -> None:
    session.page.context.clear_cookies()
    session.goto("/login/")
    session.page.fill("input[name=identifier]", identifier)
    session.page.fill("input[name=password]", PASSWORD)
    with session.page.expect_navigation():
        session.page.click("form button[type=submit]")
    session.page.wait_for_load_state("networkidle")


def submit(session: BrowserSession, selector: str) -> None:
    with session.page.expect_navigation():
        session.page.click(selector)
    session.page.wait_for_load_state("networkidle")


def close_datepicker(page: Any) -> None:
    page.keyboard.press("Escape")
    page.click("h1")


def fill_application(session: BrowserSession, county: County) -> None:
    page = session.page
    session.goto("/founding/new/")
    page.fill("input[name=name_1]", "تعاونی گردشگری کوهدشت زاگرس")
    page.fill("input[name=name_2]", "تعاونی بوم‌گردی لرستان")
    page.select_option("select[name=kind]", "production")
    page.select_option("select[name=sector]", "tourism")
    page.select_option("select[name=county]", str(county.pk))
    page.fill("textarea[name=activity]", "طبیعت‌گردی، اقامتگاه بوم‌گردی و راهنمایی گردشگران")
    page.set_input_files(
        "input[name=feasibility_plan]",
        files=[
            {
                "name": "plan.pdf",
                "mimeType": "application/pdf",
                "buffer": minimal_pdf("Plan"),
            }
        ],
    )
    for index in range(7):
        person = founder_data(index)
        for field in ("national_id", "first_name", "last_name", "father_name", "mobile"):
            page.fill(f"input[name=founders-{index}-{field}]", getattr(person, field))
    page.wait_for_selector("#similar-names >> text=نام مشابهی")


def test_found_a_cooperative_end_to_end(browser_session: BrowserSession, live_server: Any) -> None:
    county = County.objects.get(slug="khorramabad")
    applicant = cast(User, UserFactory())
    RoleFactory(user=applicant, role=Role.MEMBER)
    officer = cast(User, StaffUserFactory())
    RoleFactory(user=officer, role=Role.COUNTY_OFFICER, county=county)
    page = browser_session.page

    # The founder applies.
    assert applicant.national_id
    login(browser_session, applicant.national_id)
    fill_application(browser_session, county)
    browser_session.screenshot("founding-form")
    submit(browser_session, "#founding-form button[type=submit]")
    application = FoundingApplication.objects.get(applicant=applicant)
    assert page.url.endswith(f"/founding/{application.pk}/")
    assert to_latin_digits(page.inner_text("#tracking-code")) == application.tracking_code
    assert any(
        application.tracking_code in to_latin_digits(m.text) for m in MemorySmsGateway.outbox
    ), "tracking code not sent by SMS"
    submit(browser_session, "button[data-action=submit]")
    assert "در انتظار بررسی" in page.inner_text("#app-status")

    # The county officer finds it in the queue and approves it (agreement issued).
    login(browser_session, officer.username)
    browser_session.goto("/founding/")
    browser_session.screenshot("founding-queue")
    submit(browser_session, f"a[href='/founding/{application.pk}/']")
    assert not LATIN_DIGIT.findall(page.inner_text("#founders")), "Latin digits on the page"
    browser_session.screenshot("founding-review")
    page.select_option("select[name=name_rank]", "1")
    submit(browser_session, "button[data-action=approve]")
    assert "موافقت‌نامه صادر شد" in page.inner_text("#app-status")
    href = page.get_attribute("#agreement-link", "href") or ""
    agreement = page.request.get(browser_session.base_url + href)
    assert agreement.ok and agreement.body().startswith(b"%PDF-")

    # Capital: each of the seven founders subscribes 10 shares of 1,000,000 and pays 4,000,000.
    for index in range(7):
        page.fill(f"input[name=capital-{index}-shares]", "10")
        page.fill(f"input[name=capital-{index}-paid]", "4000000")
    submit(browser_session, "#capital-submit")
    assert "کافی برای ثبت" in page.inner_text("#capital")

    # The founding assembly: 7 present, 6 for; 3 board, 1 alternate, 1 inspector, 1 alternate.
    page.fill("input[name=members_present]", "7")
    page.fill("input[name=statute_votes_for]", "6")
    rows = page.locator("#elected-table tbody tr")
    for row, column in [(0, 0), (1, 0), (2, 0), (3, 1), (4, 2), (5, 3)]:
        rows.nth(row).locator("input[type=checkbox]").nth(column).check()
    browser_session.screenshot("founding-assembly")
    submit(browser_session, "#assembly button")
    assert "مجمع مؤسس برگزار شد" in page.inner_text("#app-status")

    # Registration.
    page.fill("input[name=registration_number]", "۴۵۶۷")
    page.fill("input[name=legal_national_id]", LEGAL_ID)
    close_datepicker(page)
    submit(browser_session, "#register button")
    assert "ثبت شد" in page.inner_text("#app-status")
    browser_session.screenshot("founding-registered")

    application.refresh_from_db()
    assert application.status == ApplicationStatus.REGISTERED
    cooperative = application.cooperative
    assert cooperative is not None and cooperative.status == CooperativeStatus.ACTIVE
    assert cooperative.memberships.filter(is_founder=True).count() == 7

    # The public page, seen by an anonymous visitor.
    public = reverse("web:public-detail", args=[cooperative.pk])
    page.context.clear_cookies()
    response = browser_session.goto(public)
    assert response.status == 200
    assert cooperative.name in page.inner_text("body")
    browser_session.screenshot("founding-public-page")
    assert browser_session.external_requests == []
