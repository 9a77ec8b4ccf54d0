"""Workflows and the work queue in a real browser, as a county officer and a national officer
would use them: the founding workflow's stages with their target days, publishing an office's
workflow (a broken one refused with its problems listed), an overdue application flagged on the
dashboard and in the queue. Persian digits, no sideways scrolling on a phone; fa and en."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from django.utils import timezone

from taavon.accounts.models import Role
from taavon.geo.models import County
from taavon.web.views.workflows import EXAMPLE
from taavon.workflow.models import WorkflowDefinition
from tests.factories import PASSWORD, RoleFactory, StaffUserFactory
from tests.founding.helpers import act, create_application

from .conftest import BrowserSession

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def test_workflows_and_the_work_queue(
    browser_session: BrowserSession, settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    khorramabad = County.objects.get(slug="khorramabad")
    applicant = StaffUserFactory(first_name="سارا", last_name="چگینی")
    application = act(applicant, create_application(applicant, khorramabad.pk), "submit")
    application.status_changed_at = timezone.now() - datetime.timedelta(days=12)
    application.save(update_fields=["status_changed_at"])
    officer = StaffUserFactory(first_name="زهرا", last_name="کرمی")
    RoleFactory(user=officer, role=Role.COUNTY_OFFICER, county=khorramabad)
    national = StaffUserFactory(first_name="مریم", last_name="احمدی")
    RoleFactory(user=national, role=Role.NATIONAL_OFFICER)
    page = browser_session.page

    # The county officer: the dashboard says one application is overdue; the queue shows it.
    browser_session.login(officer.username, PASSWORD)
    browser_session.goto("/dashboard/")
    card = page.locator("#work-queue")
    assert "۱ درخواست از مهلت مرحلهٔ خود گذشته است" in card.inner_text()
    with page.expect_navigation():
        card.locator("a").click()
    page.wait_for_load_state("networkidle")
    rows = page.locator("#founding-rows tbody tr")
    assert rows.count() == 1 and "۵ روز دیرتر از مهلت" in rows.first.inner_text()
    browser_session.assert_no_latin_digits()
    browser_session.screenshot("workqueue-fa")
    page.set_viewport_size(PHONE)
    browser_session.goto("/founding/?tab=queue&overdue=on")
    browser_session.assert_fits()
    browser_session.screenshot("workqueue-mobile-fa")
    page.set_viewport_size(DESKTOP)
    browser_session.goto(f"/founding/{application.pk}/")
    assert "۱۲ روز در این مرحله" in page.inner_text("#app-waiting")

    # The founding workflow as the officers read it.
    browser_session.goto("/workflows/founding/")
    stages = page.locator("#stages").inner_text()
    assert "در انتظار بررسی" in stages and "مهلت ۷ روز" in stages
    assert "موافقت و صدور موافقت‌نامه" in page.locator("#transitions").inner_text()
    browser_session.assert_no_latin_digits()
    browser_session.screenshot("workflow-founding-fa")
    page.set_viewport_size(PHONE)
    browser_session.assert_fits()
    browser_session.screenshot("workflow-founding-mobile-fa")
    page.set_viewport_size(DESKTOP)
    page.evaluate("document.querySelector('form[action$=\"/logout/\"]').submit()")
    page.wait_for_load_state("networkidle")

    # The national office publishes its own workflow; a broken one is refused, nothing saved.
    browser_session.login(national.username, PASSWORD)
    browser_session.goto("/workflows/new/")
    page.fill("input[name=code]", "support_loan")
    page.fill("input[name=name]", "تسهیلات اشتغال")
    broken = EXAMPLE | {"transitions": EXAMPLE["transitions"][:1]}
    page.fill("textarea[name=definition]", json.dumps(broken, ensure_ascii=False))
    with page.expect_navigation():
        page.click("form button.btn-success")
    assert "هیچ راهی نیست" in page.locator("#definition-problems").inner_text()
    assert not WorkflowDefinition.objects.exists()
    browser_session.screenshot("workflow-publish-refused-fa")
    page.fill("textarea[name=definition]", json.dumps(EXAMPLE, ensure_ascii=False))
    with page.expect_navigation():
        page.click("form button.btn-success")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/workflows/support_loan/")
    assert "مهلت ۱۰ روز" in page.locator("#stages").inner_text()
    assert WorkflowDefinition.objects.get().version == 1

    with page.expect_navigation():
        page.click("button[name=language][value=en]")
    page.wait_for_load_state("networkidle")
    assert "Awaiting review" in page.locator("#stages").inner_text()
    assert "target 10 days" in page.locator("#stages").inner_text()
    browser_session.assert_fits()
    browser_session.screenshot("workflow-en")
    page.set_viewport_size(PHONE)
    browser_session.goto("/workflows/")
    browser_session.assert_fits()
    browser_session.screenshot("workflows-mobile-en")
    assert browser_session.external_requests == []
    assert browser_session.failed_responses == [
        r for r in browser_session.failed_responses if "/workflows/new/" in r
    ]
