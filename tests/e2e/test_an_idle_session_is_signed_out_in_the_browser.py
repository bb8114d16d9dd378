# SPDX-License-Identifier: EUPL-1.2
"""An idle session ends: with a short configured idle time and the last activity moved back
in the stored session (no waiting), the next action, an htmx search, lands on the login
page with a Dutch message."""

import re

import pytest
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import BrowserContext, Page, expect

from jeugdregie.accounts.constants import Role
from jeugdregie.authentication.constants import LAST_ACTIVITY_SESSION_KEY
from tests.e2e.helpers import log_in

pytestmark = pytest.mark.e2e


def _move_last_activity_back(context: BrowserContext, seconds: int) -> None:
    key = next(cookie["value"] for cookie in context.cookies() if cookie["name"] == "sessionid")
    session = SessionStore(session_key=key)
    session[LAST_ACTIVITY_SESSION_KEY] = session[LAST_ACTIVITY_SESSION_KEY] - seconds
    session.save()


def test_an_idle_session_is_signed_out(world, settings, context: BrowserContext, page: Page):
    settings.JEUGDREGIE_IDLE_SECONDS = 120
    log_in(page, world.users[Role.ACCESS_STAFF].username)
    page.goto("/toewijzingen/")
    expect(page.locator("main table tbody tr").first).to_be_visible()

    _move_last_activity_back(context, 60)  # within the limit: still signed in
    page.reload()
    expect(page).to_have_url(re.compile(r"/toewijzingen/$"))

    _move_last_activity_back(context, 121)
    page.locator("main form[role=search] button[type=submit]").click()  # an htmx request

    expect(page).to_have_url(re.compile(r"/inloggen/\?next=%2Ftoewijzingen%2F"))
    expect(page.locator("main [role=status]")).to_contain_text(
        "U bent uitgelogd na 2 minuten zonder activiteit"
    )
    page.goto("/toewijzingen/")
    expect(page).to_have_url(re.compile(r"/inloggen/\?next="))
