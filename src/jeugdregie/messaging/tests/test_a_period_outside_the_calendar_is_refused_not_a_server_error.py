# SPDX-License-Identifier: EUPL-1.2
"""Attack 6 of the trust review: ``/berichten/verkeer/?tot=0001-01-01`` was a server error
(the default period runs 90 days back from the end, before the first day of the calendar).
A date outside 1900–2999 is now refused with 400 and a Dutch message, on the page and on
its export."""

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World

OUT_OF_RANGE = "Geef een datum van 1-1-1900 tot en met 31-12-2999."


@pytest.fixture
def manager(world: World) -> Client:
    client = Client()
    sign_in(client, world.users[Role.CONTRACT_MANAGER])
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"tot": "0001-01-01"},
        {"van": "0001-01-01"},
        {"van": "0001-01-01", "tot": "0001-03-01"},
        {"tot": "9999-12-31"},
        {"van": "9999-12-01", "tot": "9999-12-31"},
    ],
)
def test_a_date_at_the_ends_of_the_calendar_is_refused_in_dutch(
    manager: Client, query: dict[str, str]
) -> None:
    page = manager.get(reverse("messaging:traffic"), query)
    assert page.status_code == 400
    assert OUT_OF_RANGE in page.content.decode()

    export = manager.get(reverse("messaging:traffic-export"), query)
    assert export.status_code == 400
    assert export["Content-Type"] == "text/plain; charset=utf-8"
    assert OUT_OF_RANGE in export.content.decode()


@pytest.mark.django_db
def test_a_date_that_is_no_date_is_refused_in_dutch(manager: Client) -> None:
    page = manager.get(reverse("messaging:traffic"), {"tot": "10000-01-01"})
    assert page.status_code == 400
    assert "Voer een geldige datum in." in page.content.decode()


@pytest.mark.django_db
def test_the_first_and_last_dates_of_the_range_still_work(manager: Client) -> None:
    assert manager.get(reverse("messaging:traffic"), {"tot": "1900-01-01"}).status_code == 200
    page = manager.get(reverse("messaging:traffic"), {"van": "1900-01-01", "tot": "1900-12-31"})
    assert page.status_code == 200
    export = manager.get(
        reverse("messaging:traffic-export"), {"van": "2999-12-01", "tot": "2999-12-31"}
    )
    assert export.status_code == 200
