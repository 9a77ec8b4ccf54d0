"""A cooperative's manager imports a member list: the dry run reports a bad row in Persian,
the fixed file passes, the commit admits everyone, and the new members are listed."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from taavon.accounts.models import Role, User
from taavon.capital.services import share_class_create
from taavon.core.permissions import SYSTEM
from taavon.registry.models import Cooperative, Membership
from tests.factories import PASSWORD, CooperativeFactory
from tests.imports.conftest import HEADER, member_row

from .conftest import BrowserSession

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
LATIN_DIGIT = re.compile(r"[0-9]")
NAMES = ["بیرانوند", "سپهوند", "کرمی", "میرزایی", "کاکاوند", "دالوند"]


@pytest.fixture
def cooperative(db: None) -> Cooperative:
    coop = CooperativeFactory(name="تعاونی صنایع دستی گلیم کوهدشت")
    share_class_create(
        actor=SYSTEM, cooperative_id=coop.pk, code="A", name="عادی", nominal_value=100_000
    )
    return coop


def workbook(path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def login(session: BrowserSession, user: User) -> None:
    session.goto("/login/")
    session.page.fill("input[name=identifier]", user.national_id or user.username)
    session.page.fill("input[name=password]", PASSWORD)
    with session.page.expect_navigation():
        session.page.click("form button[type=submit]")


def upload(session: BrowserSession, cooperative: Cooperative, path: Path) -> None:
    session.goto(f"/cooperatives/{cooperative.pk}/imports/new/")
    session.page.set_input_files("input[type=file]", str(path))
    with session.page.expect_navigation():
        session.page.click("form button[type=submit]")
    session.page.wait_for_load_state("networkidle")


def test_manager_imports_a_member_list(
    browser_session: BrowserSession,
    cooperative: Cooperative,
    make_user: Callable[..., User],
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    manager = make_user(Role.COOP_MANAGER, cooperative_id=cooperative.pk)
    good = [member_row(i, last_name=name) for i, name in enumerate(NAMES[:5], start=1)]
    page = browser_session.page
    login(browser_session, manager)

    upload(
        browser_session,
        cooperative,
        workbook(tmp_path / "first.xlsx", [*good, member_row(6, national_id="0084575949")]),
    )

    assert page.inner_text("#import-state") == "دارای خطا"
    report = page.inner_text("#import-report")
    assert "۷" in report and "کد ملی" in report and "کد ملی معتبر نیست." in report
    assert page.locator("#import-commit").count() == 0
    browser_session.screenshot("import-report-fa")
    assert Membership.objects.count() == 0

    upload(
        browser_session,
        cooperative,
        workbook(tmp_path / "fixed.xlsx", [*good, member_row(6, last_name=NAMES[5])]),
    )

    assert page.inner_text("#import-state") == "بررسی شد"
    with page.expect_navigation():
        page.click("#import-commit")
    page.wait_for_load_state("networkidle")

    assert page.inner_text("#import-state") == "ثبت شد"
    members = page.inner_text("#import-members")
    assert "مریم بیرانوند" in members and "مریم دالوند" in members
    assert "۶" in members and "۱۴۰۲/۰۵/۰۱" in members
    assert not LATIN_DIGIT.findall(page.inner_text("main")), "Latin digits in the Persian UI"
    browser_session.screenshot("import-committed-fa")
    assert Membership.objects.filter(cooperative=cooperative).count() == 6
    assert browser_session.external_requests == []
    assert browser_session.failed_responses == []
