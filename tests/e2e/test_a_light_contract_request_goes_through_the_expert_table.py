# SPDX-License-Identifier: EUPL-1.2
"""Issue 5 in the browser: the access team registers a light-contract request for a provider
the region does not know yet and answers only the questions the form asks; the outcome is
'voorleggen'; the expert table plans a meeting, puts the case on the agenda, settles the two
judgements and approves; the light contract and the allocation exist and the overview counts
one more light contract."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from jeugdregie.casetable.models import Case
from jeugdregie.contracting.constants import ContractKind
from jeugdregie.contracting.models import Contract
from tests.e2e.helpers import log_in, log_out
from tests.e2e.test_main_pages_have_no_axe_violations import axe_violations, describe

pytestmark = pytest.mark.e2e

# What the access team knows, per question the form may ask. A question outside this list
# means the form asks something irrelevant for an ambulant, future, non-stacked request.
ANSWERS = {
    "acute_crisis_or_serious_harm": "ja",
    "contracted_offer_available": "nee",
    "contracted_providers_contacted": "ja",
    "bridging_care_possible": "nee",
    "pgb_possible": "nee",
    "care_abroad": "nee",
    "content_proportional": "ja",
    "annual_cost": "10800.00",
    "route": "expert_team",
    "evaluation_moments_agreed": "ja",
}


def _accessible(page: Page, name: str) -> None:
    assert not (found := describe(name, axe_violations(page))), found


def _answer_open_questions(page: Page) -> list[str]:
    """Answer the questions on the page until none is left; returns every fact asked."""
    asked: list[str] = []
    for _round in range(5):
        form = page.locator("form[action$='/antwoorden/']")
        if form.count() == 0:
            return asked
        names = form.locator("input[name^='vraag-'], select[name^='vraag-']").evaluate_all(
            "els => [...new Set(els.map(e => e.name))]"
        )
        for name in names:
            fact = name.removeprefix("vraag-")
            asked.append(fact)
            if fact == "exception_grounds":
                continue  # none of the grounds applies: leave every box unticked
            assert fact in ANSWERS, f"the form asks an irrelevant question: {fact}"
            field = form.locator(f"[name='{name}']")
            tag = field.first.evaluate("e => e.tagName.toLowerCase() + ':' + (e.type || '')")
            if tag == "input:radio":
                form.locator(f"input[name='{name}'][value='{ANSWERS[fact]}']").check()
            elif tag.startswith("select"):
                field.select_option(ANSWERS[fact])
            else:
                field.fill(ANSWERS[fact])
        form.locator("button[type=submit]").click()
        expect(page.locator("#uitkomst")).to_be_visible()
    raise AssertionError(f"questions keep coming: {asked}")


def test_request_questions_table_decision_light_contract_and_overview(world, page: Page):
    today = timezone.localdate()
    start = today + dt.timedelta(days=14)

    log_in(page, world.users[Role.CONTRACT_MANAGER].username)
    page.goto("/afweging/overzicht/")
    expect(page.locator("main")).to_contain_text("Er zijn geen light-contracten gesloten.")
    log_out(page)

    log_in(page, world.users[Role.ACCESS_STAFF].username)
    page.goto("/afweging/nieuw/")
    page.locator("#id_kind").select_option("light_contract")
    page.locator("#id_bsn").fill(world.youth["anna"].bsn)
    page.locator("#id_new_provider_name").fill("Zorgboerderij De Hoeve")
    page.locator("#id_new_provider_agb").fill("41234567")
    page.locator("#id_new_provider_kvk").fill("61234567")
    page.locator("#id_product").select_option(str(world.product.pk))
    page.locator("#id_care_setting").select_option("ambulant")
    page.locator("#id_request_date").fill(today.isoformat())
    page.locator("#id_start").fill(start.isoformat())
    page.locator("#id_end").fill((start + dt.timedelta(days=180)).isoformat())
    page.locator("#id_volume").fill("10")
    page.locator("#id_frequency").select_option("4")
    page.locator("#id_tariff").fill("90.00")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#uitkomst")).to_contain_text("Onvoldoende informatie")
    _accessible(page, "case with open questions")

    asked = _answer_open_questions(page)

    assert "exception_grounds" in asked
    assert not {"client_birth_date", "tariff", "stacking", "return_plan"} & set(asked)
    expect(page.locator("#uitkomst")).to_contain_text("Voorleggen aan de expertisetafel")
    case = Case.objects.get()
    case_url = re.sub(r"#.*$", "", page.url)
    log_out(page)

    # Contract management (the table's secretariat) plans the meeting and puts the case on
    # it; an expert-table member sees the case and its youth only once it is on a table they
    # sit on.
    expert = world.users[Role.EXPERT_MEMBER]
    manager = world.users[Role.CONTRACT_MANAGER]
    log_in(page, expert.username)
    page.goto(case_url)
    expect(page.locator("main h1")).not_to_contain_text(case.number)
    log_out(page)

    log_in(page, manager.username)
    page.goto("/expertteam/nieuw/")
    page.locator("#id_date").fill((today + dt.timedelta(days=7)).isoformat())
    page.locator(f"input[name=members][value='{expert.pk}']").check()
    page.locator(f"input[name=members][value='{manager.pk}']").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main h1")).to_contain_text("Expertteam van")
    meeting_url = page.url
    page.goto(case_url)
    page.locator("#id_agenda-meeting").select_option(index=1)
    page.locator("form[action$='/agenderen/'] button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("De casus is geagendeerd.")
    log_out(page)

    log_in(page, expert.username)
    page.goto(case_url)
    for fact in ("acute_crisis_or_serious_harm", "content_proportional"):
        page.locator("#id_oordeel-fact").select_option(fact)
        page.locator("input[name='oordeel-value'][value='ja']").check()
        page.locator("#id_oordeel-motivation").fill("Zonder deze hulp dreigt uithuisplaatsing.")
        page.locator("form[action$='/oordeel/'] button[type=submit]").click()
        expect(page.locator("main")).to_contain_text("Het oordeel is vastgelegd.")
    expect(page.locator("#uitkomst")).to_contain_text("Aan alle eisen voldaan")

    page.goto(meeting_url)
    expect(page.locator("main")).to_contain_text(case.number)
    _accessible(page, "meeting with its agenda")
    page.locator("input[type=radio][value=approve]").check()
    page.locator("main textarea[name$='-motivation']").fill("Akkoord: passende zorg, lager tarief.")
    page.locator("form[action$='/besluit/'] button[type=submit]").click()
    expect(page.locator("main")).to_contain_text(f"Het besluit over casus {case.number}")
    expect(page.locator("main")).to_contain_text("Goedkeuren")
    log_out(page)

    case.refresh_from_db()
    assert case.status == "approved"
    contract = Contract.objects.get(kind=ContractKind.LIGHT)
    assert contract.provider.agb_code == "41234567"
    assert contract.reference == case.number
    allocation = Allocation.objects.get(provider=contract.provider)
    assert allocation.youth == world.youth["anna"]
    assert allocation.start == start

    log_in(page, world.users[Role.CONTRACT_MANAGER].username)
    page.goto("/afweging/overzicht/")
    row = page.locator("#per-jaar tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(str(start.year))
    expect(row.locator("td").first).to_have_text("1")
    _accessible(page, "afwegingskader overview")
