"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium) against live_server.

No browser is downloaded: Playwright launches the system Chromium through `executable_path`.
Every request the page makes to a host other than the live server's is recorded and aborted,
so a test can assert the site works offline (vendored fonts, CSS and JS only).
Full-page screenshots go to artifacts/screenshots/<name>.png (gitignored) for a human to look at.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("TAAVON_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
LATIN_DIGIT = re.compile(r"[0-9]")


def _keep_django_connections[T](switch: Callable[[], T]) -> T:
    """Run `switch` (start or stop Playwright) keeping Django's connection objects.

    Between its calls, Playwright's sync API marks its asyncio loop as running in this thread.
    Django keeps database connections in an asgiref `Local(thread_critical=True)`, which uses
    thread-local storage when no loop runs and a separate, context-local storage when one
    does. Without this, every test after Playwright starts would get new connection objects:
    the test database's serialized contents would be lost (`serialized_rollback` would restore
    nothing, leaving migration-loaded reference data out of the next transactional test), and
    on PostgreSQL the original connection would stay open.
    """
    from django.db import connections

    current = {alias: connections[alias] for alias in connections}
    result = switch()
    for alias, connection in current.items():
        connections[alias] = connection
    return result


@pytest.fixture(scope="package")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the browser tests.

    Package-scoped: Playwright (and its "running" event loop) is stopped once the browser tests
    are done, so the tests that run after them see a plain synchronous thread again.
    """
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: run scripts/setup.sh (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop marked as running in this thread; Django's ORM
    # refuses to run in such a thread unless told otherwise. The tests use the ORM only to set
    # up and check data, from this one thread, so it is safe here.
    saved = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = _keep_django_connections(sync_playwright().start)
    try:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    finally:
        _keep_django_connections(playwright.stop)
        if saved is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = saved


@dataclass
class BrowserSession:
    """A fresh browser context (own cookies) pointed at the live server."""

    page: Any
    base_url: str
    external_requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)
    font_responses: list[tuple[str, int]] = field(default_factory=list)

    def goto(self, path: str) -> Any:
        response = self.page.goto(self.base_url + path, wait_until="networkidle")
        assert response is not None, path
        return response

    def login(self, identifier: str, password: str) -> None:
        """Sign in through the login form and wait for the page it leads to."""
        self.goto("/login/")
        self.page.fill("input[name=identifier]", identifier)
        self.page.fill("input[name=password]", password)
        with self.page.expect_navigation():
            self.page.click("form button[type=submit]")
        self.page.wait_for_load_state("networkidle")

    def assert_fits(self) -> None:
        """No sideways scrolling: the page is no wider than the window."""
        overflow = self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"page is {overflow}px wider than the screen"

    def assert_no_latin_digits(self, selector: str = "main") -> None:
        text = self.page.inner_text(selector)
        assert not LATIN_DIGIT.findall(text), f"Latin digits in the Persian UI: {text[:600]}"

    def screenshot(self, name: str) -> Path:
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOT_DIR / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def browser_session(chromium: Any, live_server: Any) -> Iterator[BrowserSession]:
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900},
        locale="fa-IR",
        service_workers="block",
    )
    page = context.new_page()
    session = BrowserSession(page=page, base_url=live_server.url)

    def route(route: Any) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname not in LOCAL_HOSTS:
            session.external_requests.append(url)
            route.abort()
        else:
            route.continue_()

    def on_response(response: Any) -> None:
        if response.status >= 400:
            session.failed_responses.append(f"{response.status} {response.url}")
        if response.url.endswith((".woff2", ".woff", ".ttf")):
            session.font_responses.append((response.url, response.status))

    context.route("**/*", route)
    page.on("response", on_response)
    # Generous: on a loaded 2-core CI machine a PDF or a first page can take seconds; a timeout
    # here means something hangs, not that it is slow.
    page.set_default_timeout(30_000)
    page.set_default_navigation_timeout(60_000)
    try:
        yield session
    finally:
        context.close()
