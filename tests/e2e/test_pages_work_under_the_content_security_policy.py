# SPDX-License-Identifier: EUPL-1.2
"""The browser enforces the Content-Security-Policy, and the pages still work under it: the
htmx filters, the budget chart, the cancel links, the management site. An injected inline
script is refused. (The ``page`` fixture fails any test on a refusal it did not expect.)"""

import re
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import BrowserContext, Page, expect

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.auth import sign_in
from tests.e2e.conftest import CspViolations
from tests.e2e.helpers import log_in

if TYPE_CHECKING:
    from pytest_django.live_server_helper import LiveServer

    from jeugdregie.accounts.models import User

pytestmark = pytest.mark.e2e

INJECT_INLINE_SCRIPT = """async () => {
    const refused = new Promise(done => document.addEventListener(
        'securitypolicyviolation', event => done(event.violatedDirective), {once: true}));
    const script = document.createElement('script');
    script.textContent = 'window.jrInjected = true';
    document.head.append(script);
    return [await refused, window.jrInjected === true];
}"""


def test_an_injected_inline_script_is_refused_and_reported(
    world, page: Page, csp_violations: CspViolations
):
    page.goto("/inloggen/")
    response = page.request.get("/inloggen/")
    assert "default-src 'self'" in response.headers["content-security-policy"]

    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        directive, ran = page.evaluate(INJECT_INLINE_SCRIPT)

    assert directive.startswith("script-src")
    assert ran is False
    assert len(csp_violations) == 1  # what the fixture would fail the test on
    csp_violations.clear()


def test_the_filters_chart_and_cancel_link_work_under_the_policy(world, page: Page):
    log_in(page, world.users[Role.CONTRACT_MANAGER].username)

    page.goto("/toewijzingen/")
    rows = page.locator("#resultaten tbody tr")
    expect(rows.first).to_be_visible()
    # htmx swaps the results on a change of a select, no inline script needed.
    page.locator("#id_status").select_option("ended")
    expect(page).to_have_url(re.compile(r"status=ended"))
    expect(page.locator("#resultaten")).to_be_visible()

    page.goto(f"/budget/aanbieders/{world.provider.pk}/")
    chart = page.locator("figure.jr-chart svg")
    expect(chart).to_be_visible()
    expect(chart.locator("polyline")).to_have_count(3)

    page.goto("/aanbieders/")
    page.locator("main a[href='/aanbieders/nieuw/']").click()
    expect(page).to_have_url(re.compile(r"/aanbieders/nieuw/$"))
    page.locator("a[data-jr-back]").click()
    expect(page).to_have_url(re.compile(r"/aanbieders/$"))


def _signed_in_browser(context: BrowserContext, live_server: "LiveServer", user: "User") -> None:
    client = Client()
    sign_in(client, user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def test_the_management_site_works_under_the_policy(
    world, page: Page, context: BrowserContext, live_server: "LiveServer"
):
    from jeugdregie.accounts.models import User

    admin = User.objects.create_superuser("beheer-csp", "beheer-csp@example.nl", None)
    _signed_in_browser(context, live_server, admin)

    page.goto("/beheer/")
    expect(page.locator("#site-name")).to_be_visible()
    page.goto("/beheer/contracting/provider/")
    expect(page.locator("#result_list tbody tr")).to_have_count(2)
    page.locator("#result_list tbody tr a").first.click()
    expect(page.locator("form#provider_form")).to_be_visible()
    page.goto("/beheer/accounts/user/")
    expect(page.locator("#result_list")).to_be_visible()
