# SPDX-License-Identifier: EUPL-1.2
"""A provider sees the youth it cares for, and gets 'not found' for everyone else's."""

import pytest
from django.utils.translation import gettext_lazy as _
from playwright.sync_api import Page, expect

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.models import AccessRecord
from tests.e2e.conftest import in_dutch
from tests.e2e.helpers import log_in

pytestmark = pytest.mark.e2e


def test_provider_cannot_open_another_providers_youth(world, page: Page):
    provider_user = world.users[Role.PROVIDER]
    own_youth, other_youth = world.youth["anna"], world.youth["bram"]
    assert world.allocations["bram"].provider == world.other_provider
    log_in(page, provider_user.username)

    response = page.goto(f"/jeugdigen/{own_youth.pk}/")
    assert response is not None
    assert response.status == 200
    expect(page.locator("h1")).to_have_text("Anna Visser")
    expect(page.locator("main")).not_to_contain_text(own_youth.bsn)  # providers see it masked

    response = page.goto(f"/jeugdigen/{other_youth.pk}/")
    assert response is not None
    assert response.status == 404
    expect(page.locator("h1")).to_have_text(in_dutch(_("Not found")))
    expect(page.locator("main")).not_to_contain_text("Bram")
    expect(page.locator("main")).not_to_contain_text("de Jong")
    assert not AccessRecord.objects.filter(user=provider_user, youth=other_youth).exists()
