# SPDX-License-Identifier: EUPL-1.2
"""An access worker finds a youth by name as it is typed (no tussenvoegsel, capitals), opens
her page, and the browser's back button shows the results again; the address bar never
shows the name (issue 14)."""

import re

import pytest
from playwright.sync_api import Page, expect

from jeugdregie.accounts.constants import Role
from tests.e2e.conftest import Screenshot
from tests.e2e.helpers import log_in, search_youth

pytestmark = pytest.mark.e2e
RESULTS_URL = re.compile(r"/jeugdigen/\?zoekopdracht=[\w-]+$")


def test_an_access_worker_finds_a_youth_by_name_and_goes_back_to_the_results(
    world, page: Page, screenshot: Screenshot
):
    anna = world.youth["anna"]
    log_in(page, world.users[Role.ACCESS_STAFF].username)

    search_youth(page, "ANNA visser")
    expect(page).to_have_url(RESULTS_URL)
    assert "visser" not in page.url.casefold()
    assert "anna" not in page.url.casefold()
    results = page.locator("#resultaten tbody tr")
    expect(results).to_have_count(1)
    expect(page.locator("#id_q")).to_have_value("ANNA visser")
    results_url = page.url
    screenshot("youth-search-by-name")

    results.get_by_role("link", name="Anna Visser").click()
    expect(page.locator("h1")).to_have_text("Anna Visser")
    steps = page.locator("#acties")
    expect(steps.get_by_role("link")).to_have_count(3)  # allocation, light contract, waiting

    page.go_back()
    expect(page).to_have_url(results_url)
    expect(page.locator("#resultaten tbody tr")).to_have_count(1)
    expect(page.locator("#resultaten")).to_contain_text("Anna Visser")

    page.goto(f"/jeugdigen/{anna.pk}/?{results_url.split('?')[1]}")
    page.get_by_role("link", name="Terug naar de resultaten").click()
    expect(page).to_have_url(results_url)
    expect(page.locator("#resultaten")).to_contain_text("Anna Visser")
