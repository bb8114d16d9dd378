# SPDX-License-Identifier: EUPL-1.2
"""An access worker looks up a youth; the privacy officer can then see exactly that access."""

import re

import pytest
from playwright.sync_api import Page, expect

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.constants import AccessPurpose
from tests.e2e.conftest import Screenshot, in_dutch
from tests.e2e.helpers import log_in, log_out, search_youth

pytestmark = pytest.mark.e2e


def test_access_worker_finds_youth_and_the_privacy_officer_sees_the_access(
    world, page: Page, screenshot: Screenshot
):
    anna = world.youth["anna"]
    access_worker = world.users[Role.ACCESS_STAFF]
    privacy_officer = world.users[Role.PRIVACY_OFFICER]

    # The access worker of Dordrecht finds Anna by her BSN and opens her page.
    log_in(page, access_worker.username)
    search_youth(page, anna.bsn)
    results = page.locator("#resultaten tbody tr")
    expect(results).to_have_count(1)
    results.get_by_role("link", name="Anna Visser").click()
    expect(page).to_have_url(re.compile(rf"/jeugdigen/{anna.pk}/\?zoekopdracht=[\w-]+$"))
    expect(page.locator("h1")).to_have_text("Anna Visser")
    expect(page.locator(".jr-facts")).to_contain_text(anna.bsn)
    expect(page.locator("main table")).to_contain_text(world.provider.name)
    screenshot("youth-detail")
    log_out(page)

    # The privacy officer asks who saw Anna and sees both accesses, with their purpose.
    log_in(page, privacy_officer.username)
    page.goto("/privacy/")
    page.locator("#id_bsn").fill(anna.bsn)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/privacy/jeugdige/{anna.pk}/$"))
    expect(page.locator("h1")).not_to_contain_text(anna.bsn)  # the BSN is shown masked
    rows = page.locator("#resultaten tbody tr").filter(has_text=access_worker.username)
    for purpose in (AccessPurpose.SEARCH, AccessPurpose.DETAIL):
        row = rows.filter(has_text=in_dutch(purpose.label))
        expect(row).to_have_count(1)
        expect(row).to_contain_text(str(access_worker.organisation))
    expect(rows).to_have_count(2)
