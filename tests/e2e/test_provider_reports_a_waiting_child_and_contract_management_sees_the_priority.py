# SPDX-License-Identifier: EUPL-1.2
"""A provider reports a young child on its waiting list (a date in the future is refused
first), contract management sees the priority as a text badge, filters on it, and the
waiting-list and monitoring pages pass axe."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from jeugdregie.accounts.constants import Role
from jeugdregie.clients.services import youth_create
from jeugdregie.testing.factories import synthetic_test_bsn
from jeugdregie.waitinglists.models import WaitingEntry
from tests.e2e.helpers import log_in, log_out
from tests.e2e.test_main_pages_have_no_axe_violations import axe_violations, describe

pytestmark = pytest.mark.e2e


def test_provider_reports_a_young_child_and_contract_management_sees_the_badge(world, page: Page):
    today = timezone.localdate()
    child = youth_create(
        actor=None,
        bsn=synthetic_test_bsn(60),
        given_name="Fleur",
        family_name="Jansen",
        birth_date=today - dt.timedelta(days=365 * 4),
        municipality=world.dordrecht,
    )
    log_in(page, world.users[Role.PROVIDER].username)
    page.goto("/wachtlijsten/melden/")
    page.locator("#id_bsn").fill(child.bsn)
    page.locator("#id_given_name").fill("Fleur")
    page.locator("#id_family_name").fill("Jansen")
    page.locator("#id_birth_date").fill(child.birth_date.isoformat())
    page.locator("#id_lot").select_option(str(world.lot.pk))
    page.locator("#id_product").select_option(str(world.product.pk))
    page.locator("#id_waiting_since").fill((today + dt.timedelta(days=3)).isoformat())
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("ligt in de toekomst")
    assert not WaitingEntry.objects.exists()

    page.locator("#id_waiting_since").fill((today - dt.timedelta(days=20)).isoformat())
    page.locator("#id_bridging_note").fill("Ouderbegeleiding in de wijk")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("De jeugdige staat op de wachtlijst.")
    log_out(page)

    log_in(page, world.users[Role.CONTRACT_MANAGER].username)
    page.goto("/wachtlijsten/")
    row = page.locator("#wachtenden tbody tr", has_text="Fleur Jansen")
    expect(row.locator(".jr-badge")).to_have_text("Jong kind (jonger dan 8)")
    expect(row).to_contain_text("Ouderbegeleiding in de wijk")
    page.locator("#id_prioriteit").select_option("gi_ruling")
    expect(page.locator("main .jr-empty")).to_contain_text("Niemand op de wachtlijst")
    page.locator("#id_prioriteit").select_option("young_child")
    expect(page.locator("#wachtenden tbody tr")).to_have_count(1)
    found = describe("waiting list", axe_violations(page))

    page.goto("/wachtlijsten/monitoring/")
    expect(page.locator("h1")).to_contain_text("Wachten en behandelduur")
    found += describe("monitoring", axe_violations(page))
    assert found == []
