"""The site in a real browser: Persian RTL with the vendored Vazirmatn font, fully offline,
login by username and by national ID, the dashboard, and switching to English (LTR)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from taavon.demo.seed import DEMO_PASSWORD, seed_demo

from .conftest import BrowserSession

# serialized_rollback: the transactional flush would otherwise leave the geo reference data
# (loaded by migration geo/0002) out of the live server's database.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LATIN_DIGIT = re.compile(r"[0-9]")

FONT_STATE_JS = """
async () => {
  await document.fonts.ready;
  return {
    family: getComputedStyle(document.body).fontFamily,
    check: document.fonts.check('16px Vazirmatn'),
    loaded: [...document.fonts].filter(
      (f) => f.family.replace(/["']/g, '') === 'Vazirmatn' && f.status === 'loaded'
    ).length,
  };
}
"""


def html_attrs(session: BrowserSession) -> tuple[str | None, str | None]:
    html = session.page.locator("html")
    return html.get_attribute("dir"), html.get_attribute("lang")


def assert_offline_and_clean(session: BrowserSession) -> None:
    assert session.external_requests == [], "requests left localhost"
    assert session.failed_responses == []


def login(session: BrowserSession, identifier: str, password: str = DEMO_PASSWORD) -> None:
    session.login(identifier, password)


@pytest.mark.parametrize(("name", "path"), [("home", "/"), ("login", "/login/")])
def test_public_page_is_persian_rtl_with_vendored_font(
    browser_session: BrowserSession, name: str, path: str
) -> None:
    response = browser_session.goto(path)

    assert response.status == 200
    assert html_attrs(browser_session) == ("rtl", "fa")
    fonts: dict[str, Any] = browser_session.page.evaluate(FONT_STATE_JS)
    assert "Vazirmatn" in fonts["family"]
    assert fonts["check"] is True
    assert fonts["loaded"] >= 1, "no Vazirmatn font face finished loading"
    assert any(
        "Vazirmatn" in url and status == 200 for url, status in browser_session.font_responses
    )
    body_text = browser_session.page.inner_text("body")
    assert not LATIN_DIGIT.findall(body_text), "Latin digits in the Persian UI"
    browser_session.screenshot(f"{name}-fa")
    assert_offline_and_clean(browser_session)


def test_demo_logins_reach_the_dashboard_and_english_is_left_to_right(
    browser_session: BrowserSession,
) -> None:
    seed_demo()  # slow (the whole demo): one test logs in both kinds of user
    page = browser_session.page

    # Staff log in with a username.
    login(browser_session, "khorramabad")

    assert page.url == browser_session.base_url + "/dashboard/"
    assert html_attrs(browser_session) == ("rtl", "fa")
    assert "خوش آمدید" in page.inner_text("h1")
    browser_session.screenshot("dashboard-fa")

    with page.expect_navigation():
        page.click("button[name=language][value=en]")
    page.wait_for_load_state("networkidle")

    assert page.url == browser_session.base_url + "/dashboard/"
    assert html_attrs(browser_session) == ("ltr", "en")
    browser_session.screenshot("dashboard-en")

    # Citizens log in with their national ID, here typed in Persian digits.
    page.context.clear_cookies()
    login(browser_session, "۰۰۸۴۵۷۵۹۴۸")

    assert page.url == browser_session.base_url + "/dashboard/"
    assert html_attrs(browser_session) == ("rtl", "fa")
    browser_session.screenshot("dashboard-coop-manager-fa")
    assert_offline_and_clean(browser_session)


def test_wrong_password_shows_the_error_in_persian(browser_session: BrowserSession) -> None:
    # No such user: the answer is the same as for a wrong password.
    browser_session.goto("/login/")
    page = browser_session.page
    page.fill("input[name=identifier]", "khorramabad")
    page.fill("input[name=password]", "not-the-password")
    with page.expect_navigation():
        page.click("form button[type=submit]")

    assert page.url.startswith(browser_session.base_url + "/login/")
    assert "نادرست" in page.inner_text(".alert-danger")
    browser_session.screenshot("login-error-fa")
    # The 400 of the failed login itself is expected; nothing else may fail.
    assert browser_session.external_requests == []
    assert [r for r in browser_session.failed_responses if "/login/" not in r] == []


def test_home_fits_a_phone_screen_without_sideways_scrolling(
    browser_session: BrowserSession,
) -> None:
    page = browser_session.page
    page.set_viewport_size({"width": 390, "height": 844})

    browser_session.goto("/")

    browser_session.assert_fits()
    assert html_attrs(browser_session) == ("rtl", "fa")
    browser_session.screenshot("home-mobile-fa")
    assert_offline_and_clean(browser_session)
