# SPDX-License-Identifier: EUPL-1.2
"""On a request for rectification (AVG art. 16) the privacy officer corrects a youth's family
name in the browser; the form opens with what is stored (the birth date in the date picker),
the access team then finds the youth under the corrected name, and the change log names the
field that changed, never its old or new value."""

import re

import pytest
from django.utils.translation import gettext_lazy as _
from playwright.sync_api import Page, expect

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.models import ChangeRecord
from tests.e2e.conftest import Screenshot, in_dutch
from tests.e2e.helpers import log_in, log_out, search_youth

pytestmark = pytest.mark.e2e


def test_the_privacy_officer_corrects_a_family_name_and_the_access_team_finds_it(
    world, page: Page, screenshot: Screenshot
):
    anna = world.youth["anna"]
    privacy_officer = world.users[Role.PRIVACY_OFFICER]

    log_in(page, privacy_officer.username)
    page.goto("/privacy/")
    page.locator("#id_bsn").fill(anna.bsn)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/privacy/jeugdige/{anna.pk}/$"))
    rectify = in_dutch(_("Correct the personal details (GDPR art. 16)"))
    page.get_by_role("link", name=rectify).click()

    expect(page).to_have_url(re.compile(rf"/privacy/jeugdige/{anna.pk}/corrigeren/$"))
    expect(page.locator("#id_family_name")).to_have_value(anna.family_name)
    expect(page.locator("#id_birth_date")).to_have_value(anna.birth_date.isoformat())
    page.locator("#id_family_name").fill("Visser-Bakkum")
    screenshot("rectify-form")
    page.get_by_role("button", name=in_dutch(_("Save the correction"))).click()

    expect(page).to_have_url(re.compile(rf"/privacy/jeugdige/{anna.pk}/$"))
    expect(page.locator("main")).to_contain_text(in_dutch(_("The personal details are corrected.")))
    log_out(page)

    log_in(page, world.users[Role.ACCESS_STAFF].username)
    search_youth(page, "Visser-Bakkum")
    expect(page.locator("#resultaten tbody tr")).to_have_count(1)
    expect(page.locator("#resultaten")).to_contain_text("Anna Visser-Bakkum")

    records = ChangeRecord.objects.filter(
        model="clients.Youth", object_pk=str(anna.pk), action=ChangeAction.UPDATE
    )
    assert records.count() == 1
    record = records.get()
    assert record.user_id == privacy_officer.pk
    assert "family_name" in record.changes
    assert "Visser" not in str(record.changes)
    assert "Bakkum" not in str(record.changes)
