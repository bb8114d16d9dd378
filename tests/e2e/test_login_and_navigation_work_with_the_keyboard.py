# SPDX-License-Identifier: EUPL-1.2
"""Someone who cannot use a mouse skips to the content, logs in and moves through the menu."""

import re

import pytest
from playwright.sync_api import Page, expect

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.factories import PASSWORD
from tests.e2e.helpers import HOME_URL, current_code

pytestmark = pytest.mark.e2e

MAX_TABS = 60  # the home page repeats the menu as links, one per task of the role


def test_login_and_navigation_work_with_the_keyboard(world, page: Page):
    contract_manager = world.users[Role.CONTRACT_MANAGER]
    page.goto("/inloggen/")

    # The first Tab lands on the skip link, which is out of sight until it has focus.
    skip_link = page.locator("a.utrecht-skip-link")
    expect(skip_link).not_to_be_in_viewport()
    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    # Following it moves focus into the content, where the next Tab is the first field.
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#inhoud$"))
    page.keyboard.press("Tab")
    expect(page.locator("#id_username")).to_be_focused()
    page.keyboard.type(contract_manager.username)
    page.keyboard.press("Tab")
    expect(page.locator("#id_password")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    # Contract management has a second step: the code from the authenticator app. The
    # redirect keeps the #inhoud the user skipped to, so the next Tab is the code field.
    expect(page).to_have_url(re.compile(r"/inloggen/tweede-stap/\?next=%2F#inhoud$"))
    expect(page.locator("#id_code")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.locator("#id_code")).to_be_focused()
    page.keyboard.type(current_code(contract_manager.username))
    page.keyboard.press("Enter")
    expect(page).to_have_url(HOME_URL)
    expect(page.locator("header")).to_contain_text(contract_manager.username)

    # Tabbing on reaches the main menu's first group; Enter opens it, the next Tab is its first
    # link, "Providers", and Enter opens that page.
    group = page.locator("#jr-nav summary", has_text="Inkoop en contracten")
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if group.evaluate("summary => summary === document.activeElement"):
            break
    expect(group).to_be_focused()
    outline = group.evaluate("summary => getComputedStyle(summary).outlineStyle")
    assert outline != "none", "the focused menu group shows no focus outline"
    page.keyboard.press("Enter")
    providers_link = page.locator("nav a[href='/aanbieders/']")
    page.keyboard.press("Tab")
    expect(providers_link).to_be_focused()
    outline = providers_link.evaluate("link => getComputedStyle(link).outlineStyle")
    assert outline != "none", "the focused menu link shows no focus outline"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/aanbieders/$"))
    expect(providers_link).to_have_attribute("aria-current", "page")
