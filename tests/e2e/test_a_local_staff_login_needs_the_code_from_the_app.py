# SPDX-License-Identifier: EUPL-1.2
"""A local staff account (the functional administrator) gets nowhere with the password
alone: not the pages, not the management site; the code from its authenticator app (computed
here from the device's key) opens them."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.auth import totp_code
from jeugdregie.testing.factories import PASSWORD
from tests.e2e.helpers import SECOND_STEP_URL
from tests.e2e.test_main_pages_have_no_axe_violations import axe_violations, describe

pytestmark = pytest.mark.e2e


def test_a_local_staff_login_needs_the_code_from_the_app(world, page: Page):
    admin = world.users[Role.FUNCTIONAL_ADMIN]
    admin.is_staff = True
    admin.save(update_fields=["is_staff"])

    page.goto("/beheer/")
    expect(page).to_have_url(re.compile(r"/inloggen/\?next=%2Fbeheer%2F$"))
    page.locator("#id_username").fill(admin.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()

    expect(page).to_have_url(SECOND_STEP_URL)
    expect(page.locator("h1")).to_have_text("Tweede stap: de code uit uw app")
    expect(page.locator("nav")).to_have_count(0)  # no menu before the second step
    violations = describe("second step", axe_violations(page))
    page.goto("/cijfers/")
    expect(page).to_have_url(re.compile(r"/inloggen/tweede-stap/\?next=%2Fcijfers%2F$"))

    page.locator("#id_code").fill(totp_code(_device(admin)))
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/cijfers/$"))
    page.goto("/beheer/")
    expect(page).to_have_url(re.compile(r"/beheer/$"))
    expect(page.locator("#site-name")).to_be_visible()
    assert not violations, "\n".join(violations)


def test_a_first_login_sets_up_the_app_from_the_qr_page(world, page: Page):
    privacy = world.users[Role.PRIVACY_OFFICER]
    TOTPDevice.objects.filter(user=privacy).delete()  # a new account: no app yet

    page.goto("/inloggen/")
    page.locator("#id_username").fill(privacy.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/inloggen/tweede-stap/instellen/\?next=%2F$"))
    expect(page.locator("figure svg")).to_be_visible()
    expect(page.locator("#totp-secret")).not_to_be_empty()
    violations = describe("set up the second step", axe_violations(page))
    page.locator("#id_code").fill(totp_code(TOTPDevice.objects.get(user=privacy)))
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/$"))
    expect(page.locator("header")).to_contain_text(privacy.username)
    assert TOTPDevice.objects.get(user=privacy).confirmed
    assert not violations, "\n".join(violations)


def _device(user: object) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=True)
