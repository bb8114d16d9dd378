# SPDX-License-Identifier: EUPL-1.2
"""A provider requests a second extension without a self-assessment, sees why it is pending,
attaches one and sees it granted; a third extension appears on the CJG worklist and the CJG
worker decides it (perceel2.md §2a, with the pilot continued past today)."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from jeugdregie.trajectories.constants import ExtensionStatus, PolicyEndKind
from jeugdregie.trajectories.models import Extension
from jeugdregie.trajectories.services import policy_version_end_set
from jeugdregie.trajectories.tests.world import build_perceel2
from jeugdregie.workflows.extensions import extension_request
from tests.e2e.helpers import log_in, log_out
from tests.e2e.test_main_pages_have_no_axe_violations import axe_violations, describe

pytestmark = pytest.mark.e2e


def test_second_extension_waits_for_the_self_assessment_and_the_cjg_decides_the_third(
    world, page: Page
):
    p2 = build_perceel2(world)
    today = timezone.localdate()
    policy_version_end_set(
        actor=None,
        region=world.other_region,
        version_code="ijzk-p2-pilot-2025",
        end=today.replace(year=today.year + 1),
        kind=PolicyEndKind.MOVED,
        decision_reference="Collegebesluit voortzetting",
        reason="Pilot voortgezet.",
    )
    extension_request(
        actor=None,
        provider=world.provider,
        allocation=p2.allocation,
        requested_end=dt.date(2027, 1, 31),
        request_date=dt.date(2025, 12, 15),
    )

    found: list[str] = []

    def check(name: str) -> None:
        found.extend(describe(name, axe_violations(page)))

    log_in(page, world.users[Role.PROVIDER].username)
    page.goto("/trajecten/")
    check("trajectory list")
    page.locator("main table a", has_text="Daan").click()
    check("trajectory detail")
    page.get_by_role("link", name="Verlenging aanvragen").click()
    check("extension request form")
    page.locator("#id_requested_end").fill("2027-07-31")
    page.locator("main form button[type=submit]").click()
    main = page.locator("main")
    expect(main).to_contain_text("zelfevaluatie vereist voor de tweede verlenging")
    expect(page.locator("#verlengingen")).to_contain_text("Openstaand")
    assert Allocation.objects.get(pk=p2.allocation.pk).end == dt.date(2027, 1, 31)

    page.get_by_role("link", name="Zelfevaluatie toevoegen").click()
    check("self-assessment form")
    page.locator("#id_self_assessment").fill(
        "De behandeling loopt; het gezinssysteem is pas recent betrokken."
    )
    page.locator("main form button[type=submit]").click()
    expect(main).to_contain_text("Verlenging 2 is toegekend")
    expect(page.locator("#verlengingen tbody tr").nth(1)).to_contain_text("Toegekend")
    assert Allocation.objects.get(pk=p2.allocation.pk).end == dt.date(2027, 7, 31)

    page.get_by_role("link", name="Verlenging aanvragen").click()
    page.locator("#id_requested_end").fill("2027-12-31")
    page.locator("main form button[type=submit]").click()
    expect(main).to_contain_text("intensieve toets door het CJG")
    log_out(page)

    log_in(page, p2.cjg.username)
    page.goto("/trajecten/cjg-toets/")
    expect(main).to_contain_text("Daan")
    check("CJG worklist")
    page.get_by_role("link", name="Toetsen").click()
    check("CJG review form")
    page.locator("#id_q_doelen").fill("Angstklachten verminderd; schoolgang nog niet hersteld.")
    page.locator("#id_q_noodzaak").fill("Terugval bij eerdere afschaling.")
    page.locator("#id_q_alternatieven").fill("Voorliggend veld besproken; nog niet passend.")
    page.locator("input[name=decision][value=grant]").check()
    page.locator("#id_motivation").fill("Haalbaar binnen vijf maanden; evaluatie in april.")
    page.locator("main form button[type=submit]").click()
    expect(main).to_contain_text("Het besluit is opgeslagen")
    expect(main).to_contain_text("Er wachten geen verlengingsaanvragen")

    assert not found, "axe found WCAG 2.1 AA violations:\n" + "\n".join(found)
    third = Extension.objects.get(trajectory=p2.trajectory, number=3)
    assert third.status == ExtensionStatus.GRANTED
    assert third.decided_by == p2.cjg
    assert Allocation.objects.get(pk=p2.allocation.pk).end == dt.date(2027, 12, 31)
