# SPDX-License-Identifier: EUPL-1.2
"""A youth search is posted and shown from an opaque token (issue 14): the URL never holds
a name or BSN, the same session gets the same results back (the back button), another
session or user gets nothing, and the query kept in the session is encrypted."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.constants import AccessEvent, AccessPurpose
from jeugdregie.audit.models import AccessRecord
from jeugdregie.clients.models import Youth
from jeugdregie.clients.services import youth_create
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World, synthetic_test_bsn

pytestmark = pytest.mark.django_db
SEARCH = "/jeugdigen/"
TOKEN = re.compile(r"^/jeugdigen/\?zoekopdracht=[A-Za-z0-9_-]{22}$")


@pytest.fixture
def emma(world: World) -> Youth:
    return youth_create(
        actor=None,
        bsn=synthetic_test_bsn(30),
        given_name="Émma",
        family_name="de Vries",
        birth_date=dt.date(2014, 11, 3),
        municipality=world.dordrecht,
    )


def signed_in(world: World, role: str) -> Client:
    client = Client()
    sign_in(client, world.users[role])
    return client


def search(client: Client, **data: str) -> str:
    """Post a search; the URL it is shown at."""
    posted = client.post(SEARCH, data)
    assert posted.status_code == 302
    location: str = posted["Location"]
    return location


def links_to(page: str, youth: Youth) -> bool:
    return f'href="/jeugdigen/{youth.pk}/?zoekopdracht=' in page


def test_the_url_after_searching_holds_neither_name_nor_bsn(world, emma):
    client = signed_in(world, Role.ACCESS_STAFF)
    for query in ({"q": "Vries"}, {"q": emma.bsn}, {"q": "Émma de Vries"}):
        url = search(client, **query)
        assert TOKEN.match(url), url
        for secret in ("Vries", "vries", "mma", emma.bsn, emma.bsn[-4:]):
            assert secret not in url
        page = client.get(url)
        assert page.status_code == 200
        assert links_to(page.content.decode(), emma)
    dated = search(client, birth_date="03-11-2014")
    assert TOKEN.match(dated)
    assert "2014" not in dated
    assert links_to(client.get(dated).content.decode(), emma)


def test_going_back_shows_the_same_results_again_and_logs_the_read_again(world, emma):
    client = signed_in(world, Role.ACCESS_STAFF)
    url = search(client, q="vries", birth_date="2014-11-03")
    reads = AccessRecord.objects.filter(event=AccessEvent.READ, youth=emma)
    first = client.get(url).content.decode()
    detail = client.get(f"/jeugdigen/{emma.pk}/?{urlsplit(url).query}").content.decode()
    assert f'href="{url}"' in detail  # the way back to the results
    again = client.get(url).content.decode()
    assert links_to(first, emma)
    assert links_to(again, emma)
    assert 'value="vries"' in again  # the form shows what was searched for
    assert 'value="2014-11-03"' in again
    purposes = list(reads.order_by("seq").values_list("purpose", flat=True))
    assert purposes == [AccessPurpose.SEARCH, AccessPurpose.DETAIL, AccessPurpose.SEARCH]


def test_another_session_or_user_gets_nothing_from_the_token(world, emma):
    client = signed_in(world, Role.ACCESS_STAFF)
    url = search(client, q="Vries")
    same_user_elsewhere = signed_in(world, Role.ACCESS_STAFF)
    manager = signed_in(world, Role.CONTRACT_MANAGER)  # who could see emma
    reads = AccessRecord.objects.filter(event=AccessEvent.READ)
    before = reads.count()
    for other in (same_user_elsewhere, manager):
        page = other.get(url)
        assert page.status_code == 200
        text = page.content.decode()
        assert not links_to(text, emma)
        assert 'value="Vries"' not in text
        assert "niet meer beschikbaar" in text  # "search again"
    assert reads.count() == before
    # a made-up or mangled token is the same: nothing
    for token in ("x" * 22, "", "../../etc", "a" * 500, "%00"):
        assert not links_to(client.get(SEARCH, {"zoekopdracht": token}).content.decode(), emma)


def test_the_detail_page_ignores_a_token_of_another_session(world, emma):
    client = signed_in(world, Role.ACCESS_STAFF)
    url = search(client, q="Vries")
    other = signed_in(world, Role.ACCESS_STAFF)
    page = other.get(f"/jeugdigen/{emma.pk}/?{urlsplit(url).query}").content.decode()
    assert f'href="{url}"' not in page
    assert f'href="{SEARCH}"' in page


def test_a_provider_without_a_relation_gets_the_answer_of_no_match(world, emma):
    """A youth the provider has no allocation with: the same page as a name nobody has."""
    client = signed_in(world, Role.PROVIDER)

    def shown(**query: str) -> str:
        page = client.get(search(client, **query)).content.decode()
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
        return page.split('id="resultaten"')[1]

    assert shown(q="Vries") == shown(q="Nietbestaand")
    assert shown(q=emma.bsn) == shown(q=synthetic_test_bsn(31))
    assert "Geen jeugdige gevonden" in shown(q="Vries")
    own = world.youth["anna"]
    assert f"/jeugdigen/{own.pk}/" in shown(q="visser")  # its own youth it does find


def test_a_search_without_a_name_bsn_or_birth_date_is_refused_in_dutch(world):
    client = signed_in(world, Role.ACCESS_STAFF)
    for data in ({"q": "  "}, {"birth_date": "31-02-2014"}, {"birth_date": "gisteren"}):
        page = client.post(SEARCH, data)
        assert page.status_code == 400
    empty = client.post(SEARCH, {"q": ""}).content.decode()
    assert "Geef een BSN, een naam of een geboortedatum." in empty


def test_the_query_kept_in_the_session_is_encrypted(world, emma):
    client = signed_in(world, Role.ACCESS_STAFF)
    search(client, q="Émma de Vries")
    search(client, q=emma.bsn)
    session = Session.objects.get(session_key=client.session.session_key)
    decoded = str(session.get_decoded())
    assert "jeugdregie_searches" in decoded
    for secret in ("Vries", "mma", emma.bsn):
        assert secret not in decoded
        assert secret not in session.session_data
