# SPDX-License-Identifier: EUPL-1.2
"""A provider requests a client stop, contract management confirms it, and an access
worker's new allocation at that provider is refused with the alternatives shown."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from tests.e2e.helpers import log_in, log_out

pytestmark = pytest.mark.e2e


def test_client_stop_request_confirmation_and_a_refused_allocation(world, page: Page):
    today = timezone.localdate()
    log_in(page, world.users[Role.PROVIDER].username)
    page.goto("/budget/clientenstops/aanvragen/")
    page.locator("#id_start").fill(today.isoformat())
    page.locator("#id_reason").fill("Het plafond voor dit jaar is bereikt.")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("naar contractbeheer gestuurd")
    log_out(page)

    log_in(page, world.users[Role.CONTRACT_MANAGER].username)
    page.goto("/budget/clientenstops/")
    page.locator("main a[href*='/besluiten/']").first.click()
    page.locator("input[name=decision][value=confirm]").check()
    page.locator("#id_decision_reason").fill("Plafond bereikt; akkoord.")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Bevestigd")
    log_out(page)

    log_in(page, world.users[Role.ACCESS_STAFF].username)
    before = Allocation.objects.count()
    page.goto("/toewijzingen/nieuw/")
    page.locator("#id_bsn").fill(world.youth["anna"].bsn)
    page.locator("#id_provider").select_option(str(world.provider.pk))
    page.locator("#id_product").select_option(str(world.product.pk))
    page.locator("#id_start").fill((today + dt.timedelta(days=1)).isoformat())
    page.locator("#id_volume").fill("2")
    page.locator("#id_frequency").select_option("2")
    page.locator("main form button[type=submit]").click()
    main = page.locator("main")
    expect(main).to_contain_text("cliëntenstop")
    expect(main).to_contain_text(world.provider.name)
    expect(main).to_contain_text(f"{world.other_provider.name} ({world.other_provider.agb_code})")
    assert Allocation.objects.count() == before
