# SPDX-License-Identifier: EUPL-1.2
"""Steps that several browser use cases share, written the way a user performs them."""

import re

from playwright.sync_api import Page, expect

from jeugdregie.testing.factories import PASSWORD

HOME_URL = re.compile(r"^https?://[^/]+/(#inhoud)?$")


def log_in(page: Page, username: str, password: str = PASSWORD) -> None:
    page.goto("/inloggen/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(HOME_URL)
    expect(page.locator("header")).to_contain_text(username)


def log_out(page: Page) -> None:
    page.locator("header form[action$='/uitloggen/'] button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/inloggen/$"))
    expect(page.locator("#id_username")).to_be_visible()


def search_youth(page: Page, query: str) -> None:
    page.goto("/jeugdigen/")
    page.locator("#id_q").fill(query)
    page.locator("main form[role=search] button[type=submit]").click()
    expect(page.locator("#resultaten")).to_be_visible()
