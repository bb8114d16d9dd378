# SPDX-License-Identifier: EUPL-1.2
"""Browsers ask for ``/favicon.ico`` on their own. That is not a refused access: it gets an
empty answer and leaves no record, and the management site's pages (which do not extend the
product's base page) declare no icon to fetch, like every other page. A real 404 to a signed-in
user is still recorded."""

import pytest
from django.test import Client

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.constants import AccessEvent
from jeugdregie.audit.models import AccessRecord
from jeugdregie.testing.auth import sign_in

pytestmark = pytest.mark.django_db


def test_the_icon_request_gets_an_empty_answer_and_no_record(world):
    client = Client()
    sign_in(client, world.users[Role.CONTRACT_MANAGER])

    assert client.get("/favicon.ico").status_code == 204
    assert not AccessRecord.objects.filter(event=AccessEvent.DENIED).exists()

    assert client.get("/bestaat-niet/").status_code == 404
    [denied] = AccessRecord.objects.filter(event=AccessEvent.DENIED)
    assert denied.route == "/bestaat-niet/"


def test_the_management_site_declares_an_empty_icon(world):
    admin = world.users[Role.FUNCTIONAL_ADMIN]
    admin.is_staff = True
    admin.save(update_fields=["is_staff"])
    client = Client()
    sign_in(client, admin)

    page = client.get("/beheer/").content.decode()
    assert '<link rel="icon" href="data:,">' in page
    assert 'id="site-name"' in page
