# SPDX-License-Identifier: EUPL-1.2
"""Browser fixtures: a Chromium driven by Playwright against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, so Django would refuse ORM
calls there ("async unsafe"); the tests only use the ORM before and after the browser
steps, never concurrently, so that guard is switched off for this directory.
"""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

if TYPE_CHECKING:
    from pytest_django.live_server_helper import LiveServer

    from jeugdregie.testing.factories import World

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path(os.environ.get("JEUGDREGIE_CHROMIUM", "/usr/lib/chromium/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PROJECT_DIR = Path(settings.PROJECT_DIR)
AXE_SCRIPT = PROJECT_DIR / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
RESULTS_DIR = PROJECT_DIR / "test-results"


def in_dutch(text: object) -> str:
    """What the (Dutch) user sees for a message id: the translation, or the id itself."""
    with translation.override("nl"):
        return str(text)


@pytest.fixture(scope="session", autouse=True)
def _static_assets() -> None:
    """The pages need the NL Design System CSS from build/static (made by build_assets)."""
    if not (PROJECT_DIR / "build" / "static" / "vendor").is_dir():
        call_command("build_assets")


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run 'make test' (scripts/ensure_test_tools.py "
            "installs it) or set JEUGDREGIE_CHROMIUM to the browser's path."
        )
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def world(transactional_db: None) -> "World":
    """The test world, committed so that the live server's thread sees it too."""
    from jeugdregie.testing.factories import build_world

    return build_world()


@pytest.fixture
def context(browser: Browser, live_server: "LiveServer") -> Iterator[BrowserContext]:
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


CspViolations = list[str]


@pytest.fixture
def csp_violations() -> CspViolations:
    """What the Content-Security-Policy refused on the ``page``, as the console said it."""
    return []


@pytest.fixture
def page(context: BrowserContext, csp_violations: CspViolations) -> Iterator[Page]:
    """A browser tab; a style sheet or script that fails to load, or anything the
    Content-Security-Policy refuses, fails the test."""
    page = context.new_page()
    broken_assets: list[str] = []
    page.on(
        "response",
        lambda response: (
            broken_assets.append(f"{response.status} {response.url}")
            if "/static/" in response.url and response.status >= 400
            else None
        ),
    )
    page.on(
        "requestfailed",
        lambda request: (
            broken_assets.append(f"failed {request.url}") if "/static/" in request.url else None
        ),
    )
    # The browser reports what the Content-Security-Policy refused (inline script or style,
    # another origin) on the console: any such refusal fails the test.
    page.on(
        "console",
        lambda message: (
            csp_violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    assert not broken_assets, f"Static files not served: {broken_assets}"
    assert not csp_violations, "Refused by the Content-Security-Policy:\n" + "\n".join(
        csp_violations
    )


@pytest.fixture
def screenshot(page: Page) -> "Screenshot":
    return Screenshot(page)


class Screenshot:
    """Saves full-page screenshots to test-results/ for a human to look at."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def __call__(self, name: str) -> Path:
        RESULTS_DIR.mkdir(exist_ok=True)
        path = RESULTS_DIR / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path
