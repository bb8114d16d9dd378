# SPDX-License-Identifier: EUPL-1.2
"""The main pages meet WCAG 2.1 A and AA, as far as axe-core can check automatically."""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from jeugdregie.accounts.constants import Role
from tests.e2e.conftest import AXE_SCRIPT, Screenshot
from tests.e2e.helpers import log_in, log_out, search_youth

pytestmark = pytest.mark.e2e

AXE_RUN = """async () => await axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
})"""


def axe_violations(page: Page) -> list[dict[str, Any]]:
    # Evaluated through the browser's debugging protocol: a <script> tag with axe's source
    # inline would be refused by the Content-Security-Policy, as it should be.
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    result: dict[str, Any] = page.evaluate(AXE_RUN)
    return list(result["violations"])


def describe(page_name: str, violations: list[dict[str, Any]]) -> list[str]:
    return [
        f"{page_name}: {v['id']} ({v['impact']}): {v['help']} -> "
        + ", ".join(str(node["target"]) for node in v["nodes"])
        for v in violations
    ]


def assert_styled(page: Page) -> None:
    """The NL Design System style sheets arrived: the body uses the theme's font."""
    font = page.locator("body").evaluate("body => getComputedStyle(body).fontFamily")
    assert "Times" not in font, f"page looks unstyled (font {font!r}): static files missing?"


def test_main_pages_have_no_axe_violations(world, page: Page, screenshot: Screenshot):
    assert AXE_SCRIPT.is_file(), f"{AXE_SCRIPT} missing: run 'npm ci' in frontend/"
    found: list[str] = []
    checked: list[str] = []

    def check(page_name: str) -> None:
        assert_styled(page)
        found.extend(describe(page_name, axe_violations(page)))
        checked.append(page_name)

    page.goto("/inloggen/")
    check("login")

    page.locator("#id_username").fill(world.users[Role.CONTRACT_MANAGER].username)
    page.locator("#id_password").fill("not-the-password")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main [role=alert]")).to_be_visible()
    screenshot("login-error")
    check("login with an error")

    log_in(page, world.users[Role.CONTRACT_MANAGER].username)
    screenshot("home")
    check("home")

    page.goto("/aanbieders/")
    expect(page.locator("#resultaten tbody tr")).to_have_count(2)
    check("provider list")

    page.goto(f"/aanbieders/{world.provider.pk}/")
    expect(page.locator("h1")).to_have_text(world.provider.name)
    check("provider detail")

    search_youth(page, world.youth["anna"].bsn)
    expect(page.locator("#resultaten tbody tr")).to_have_count(1)
    check("youth search with results")

    page.locator("#resultaten a").first.click()
    expect(page.locator("h1")).to_have_text("Anna Visser")
    check("youth detail")

    page.goto("/toewijzingen/")
    expect(page.locator("main table tbody tr").first).to_be_visible()
    check("allocation list")

    page.goto("/cijfers/")
    check("region figures")

    log_out(page)
    log_in(page, world.users[Role.PRIVACY_OFFICER].username)
    page.goto("/privacy/")
    check("privacy log")

    assert len(checked) == 10
    assert not found, "axe found WCAG 2.1 AA violations:\n" + "\n".join(found)
