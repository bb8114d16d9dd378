# SPDX-License-Identifier: EUPL-1.2
"""Steps that several browser use cases share, written the way a user performs them."""

import re

from playwright.sync_api import Page, expect

from jeugdregie.testing.factories import PASSWORD

HOME_URL = re.compile(r"^https?://[^/]+/(#inhoud)?$")


SECOND_STEP_URL = re.compile(r"/inloggen/tweede-stap/(\?.*)?$")
HOME_OR_SECOND_STEP_URL = re.compile(r"^https?://[^/]+/((#inhoud)?|inloggen/tweede-stap/(\?.*)?)$")


def current_code(username: str) -> str:
    """The code the user's authenticator app shows now (the test world's known keys)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from jeugdregie.testing.auth import totp_code

    return totp_code(TOTPDevice.objects.get(user__username=username, confirmed=True))


def pass_second_step(page: Page, username: str) -> None:
    expect(page).to_have_url(SECOND_STEP_URL)
    page.locator("#id_code").fill(current_code(username))
    page.locator("main form button[type=submit]").click()


def log_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Password, and the code from the authenticator app when the account needs one."""
    page.goto("/inloggen/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(HOME_OR_SECOND_STEP_URL)
    if SECOND_STEP_URL.search(page.url):
        pass_second_step(page, username)
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


def open_from_menu(page: Page, group: str, link: str) -> None:
    """Open a page the way a user does: the menu group, then the link in it (its name may end
    in the counter of the work waiting there)."""
    menu = page.locator("#jr-nav")
    menu.locator("summary", has_text=group).click()
    name = re.compile(rf"^{re.escape(link)}( [\d.]+ te doen)?$")
    menu.get_by_role("link", name=name).click()
