# SPDX-License-Identifier: EUPL-1.2
"""Contract management opens the worklist of requests for allocation, rejects a provider's
request (first without a reason, which is refused), and finds the JW319 with the reason in
the message viewer; the new pages meet WCAG 2.1 AA as far as axe-core can check."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from jeugdregie.accounts.constants import Role
from jeugdregie.messaging.constants import RequestStatus
from jeugdregie.messaging.models import AllocationRequest
from jeugdregie.messaging.services.inbox import message_receive
from jeugdregie.messaging.tests import messages as m
from tests.e2e.helpers import log_in, open_from_menu
from tests.e2e.test_main_pages_have_no_axe_violations import (
    assert_styled,
    axe_violations,
    describe,
)

pytestmark = pytest.mark.e2e


def test_reject_a_request_on_the_worklist_and_see_it_in_the_viewer(world, page: Page):
    today = timezone.localdate()
    message_receive(
        data=m.jw315(
            world.provider.agb_code,
            "E2E315",
            bsn=world.youth["anna"].bsn,
            day=today,
            reference="VOT-E2E",
            start=today + dt.timedelta(days=7),
            end=today + dt.timedelta(days=180),
        )
    )
    found: list[str] = []

    def check(name: str) -> None:
        assert_styled(page)
        found.extend(describe(name, axe_violations(page)))

    log_in(page, world.users[Role.CONTRACT_MANAGER].username)
    open_from_menu(page, "Berichten", "Verzoeken om toewijzing")
    expect(page.locator("h1")).to_have_text("Verzoeken om toewijzing")
    expect(page.locator("#resultaten tbody tr")).to_have_count(1)
    check("worklist")

    page.get_by_role("link", name="VOT-E2E").click()
    expect(page.locator("main")).to_contain_text("Anna Visser")
    check("request detail")

    page.locator("input[name=decision][value=reject]").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#form-fouten")).to_contain_text("Er is niets opgeslagen")
    expect(page.locator("main")).to_contain_text("Kies de reden van de afwijzing")
    check("request detail with errors")
    request = AllocationRequest.objects.get(reference="VOT-E2E")
    assert request.status == RequestStatus.OPEN

    page.locator("input[name=decision][value=reject]").check()
    page.locator("#id_rejection_reason").select_option("3")
    page.locator("#id_note").fill("Geen contract voor dit perceel.")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Het verzoek is afgewezen")
    expect(page.locator("main")).to_contain_text("Geen contract voor dit perceel.")

    page.locator("main a", has_text="JW319").click()
    expect(page.locator("h1")).to_contain_text("Verzonden bericht JW319")
    xml = page.locator("#bericht-xml")
    expect(xml).to_contain_text("VOT-E2E")
    expect(xml).to_contain_text("RedenAfwijzingVerzoek>3<")
    expect(page.locator("#gekoppelde-berichten")).to_contain_text("E2E315")
    check("message viewer")

    open_from_menu(page, "Berichten", "Berichtenverkeer")
    expect(page.locator("#verkeer")).to_contain_text("JW319")
    check("message traffic")

    assert not found, "axe found WCAG 2.1 AA violations:\n" + "\n".join(found)
