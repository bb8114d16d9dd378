# SPDX-License-Identifier: EUPL-1.2
"""A provider that reports a BSN on its waiting list learns nothing about the child behind it.

De Linde reports Bram (in care at Het Anker, referred by a certified institution: a GI
case) and Chris (at Het Anker, referred by the municipality) under names and a birth date of
its own making, and a BSN the region does not know at all. Each entry shows De Linde exactly
what it typed, with priority signals computed from that alone; the answers are the same for
the three. The region sees the reports linked to its youth records.
"""

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.clients.services import bsn_lookup_key
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import synthetic_test_bsn
from jeugdregie.waitinglists.models import WaitingEntry

pytestmark = pytest.mark.django_db

UNKNOWN_BSN = synthetic_test_bsn(60)  # valid, but no youth of the region has it
MAX_ENTRIES = 100  # the cap of one report through the API


@pytest.fixture(autouse=True)
def _on_a_fixed_day() -> Iterator[None]:
    with time_machine.travel("2025-06-30 10:00 +0200", tick=False):
        yield


def _client(world, role: str) -> Client:
    client = Client()
    sign_in(client, world.users[role])
    return client


def _form(bsn: str, world, **changes: str) -> dict[str, object]:
    return {
        "bsn": bsn,
        "given_name": "Sam",
        "family_name": "Verzonnen",
        "birth_date": "2019-05-05",
        "lot": world.lot.pk,
        "product": world.product.pk,
        "waiting_since": "2025-06-02",
        "court_ruling_date": "2025-01-15",
        **changes,
    }


def _without_csrf_and_bsn(html: str, bsn: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    html = re.sub(r'"X-CSRFToken": "[^"]*"', "", html)
    return html.replace(bsn, "BSN")


def test_a_report_about_another_providers_child_shows_only_what_was_submitted(world):
    provider = _client(world, Role.PROVIDER)
    bsns = {
        "bram": world.youth["bram"].bsn,
        "chris": world.youth["chris"].bsn,
        "unknown": UNKNOWN_BSN,
    }
    answers = {}
    for key, bsn in bsns.items():
        response = provider.post(reverse("waitinglists:entry-report"), _form(bsn, world))
        answers[key] = (response.status_code, response["Location"])
    assert set(answers.values()) == {(302, reverse("waitinglists:entry-list"))}

    entries = {
        key: WaitingEntry.objects.get(submitted_bsn_index=bsn_lookup_key(bsn))
        for key, bsn in bsns.items()
    }
    # The region links the reports to its records; the unknown BSN stays unlinked.
    assert entries["bram"].youth == world.youth["bram"]
    assert entries["chris"].youth == world.youth["chris"]
    assert entries["unknown"].youth is None

    listing = provider.get(reverse("waitinglists:entry-list")).content.decode()
    for secret in ("Bram", "de Jong", "Chris", "Bakker"):
        assert secret not in listing
    assert listing.count("Sam Verzonnen") == 3
    # Signals from the submission only: young (born 2019) and a reported ruling > 3 months
    # ago; the same for the GI case, the municipality's case and the unknown BSN.
    rows = re.findall(r'data-entry="\d+">(.*?)</tr>', listing, re.S)
    assert len(rows) == 3
    signals = {tuple(re.findall(r'data-signal="(\w+)"', row)) for row in rows}
    assert signals == {("young_child", "gi_ruling")}
    for signal in ("gi_ruling", "young_child"):
        filtered = provider.get(reverse("waitinglists:entry-list"), {"prioriteit": signal})
        shown = set(re.findall(r'data-entry="(\d+)"', filtered.content.decode()))
        assert shown == {str(entry.pk) for entry in entries.values()}

    pages = {}
    for key, entry in entries.items():
        response = provider.get(reverse("waitinglists:entry-detail", kwargs={"pk": entry.pk}))
        assert response.status_code == 200
        html = response.content.decode()
        for secret in ("Bram", "de Jong", "Chris", "Bakker", "maart 2012"):
            assert secret not in html
        assert "Sam Verzonnen" in html
        assert "5 mei 2019" in html
        page = html.split('<h2 class="utrecht-heading-2">')[0]  # everything above the history
        page = page.replace(f"/{entry.pk}/", "/ID/").replace(bsns[key][-3:], "***")
        pages[key] = _without_csrf_and_bsn(page, bsns[key])
    assert pages["bram"] == pages["chris"] == pages["unknown"]

    api = provider.get(reverse("api-waiting-entry-list")).json()["results"]
    assert {row["youth"] for row in api} == {None}
    assert {(row["given_name"], row["family_name"], row["birth_date"]) for row in api} == {
        ("Sam", "Verzonnen", "2019-05-05")
    }


def test_the_region_sees_the_report_beside_its_own_record(world):
    provider = _client(world, Role.PROVIDER)
    provider.post(reverse("waitinglists:entry-report"), _form(world.youth["bram"].bsn, world))
    provider.post(reverse("waitinglists:entry-report"), _form(UNKNOWN_BSN, world))
    bram = WaitingEntry.objects.get(youth=world.youth["bram"])
    unknown = WaitingEntry.objects.get(youth=None)

    manager = _client(world, Role.CONTRACT_MANAGER)
    html = manager.get(reverse("waitinglists:entry-detail", kwargs={"pk": bram.pk})).content
    text = html.decode()
    assert "Bram de Jong" in text
    assert "Sam Verzonnen" in text  # what the provider reported, to compare
    page = manager.get(reverse("waitinglists:entry-detail", kwargs={"pk": unknown.pk}))
    assert "geen jeugdige met dit BSN" in page.content.decode()
    # The GI institution that referred Bram sees the wait of its youth.
    gi = _client(world, Role.GI_STAFF).get(reverse("waitinglists:entry-list")).content.decode()
    assert f'data-entry="{bram.pk}"' in gi
    assert f'data-entry="{unknown.pk}"' not in gi


def test_a_provider_still_reports_a_child_referred_to_it(world):
    """A GP referral reaches the provider before any allocation: the report is linked to the
    region's youth record for the region, and the provider sees what it typed."""
    provider = _client(world, Role.PROVIDER)
    anna = world.youth["anna"]
    response = provider.post(
        reverse("waitinglists:entry-report"),
        _form(anna.bsn, world, given_name="Anna", family_name="Visser", birth_date="2012-03-01"),
    )
    assert response.status_code == 302
    entry = WaitingEntry.objects.get()
    assert entry.youth == anna
    assert entry.referral == world.referrals["anna"]
    html = provider.get(reverse("waitinglists:entry-detail", kwargs={"pk": entry.pk})).content
    assert "Anna Visser" in html.decode()


def test_a_refused_report_reads_the_same_for_a_known_and_an_unknown_bsn(world):
    provider = _client(world, Role.PROVIDER)
    pages = {}
    for bsn in (world.youth["bram"].bsn, UNKNOWN_BSN):
        response = provider.post(
            reverse("waitinglists:entry-report"), _form(bsn, world, waiting_since="2025-07-01")
        )
        assert response.status_code == 400
        pages[bsn] = _without_csrf_and_bsn(response.content.decode(), bsn)
    assert pages[world.youth["bram"].bsn] == pages[UNKNOWN_BSN]
    assert not WaitingEntry.objects.exists()


def _api_entry(bsn: str, **changes: str) -> dict[str, str]:
    return {
        "bsn": bsn,
        "given_name": "Sam",
        "family_name": "Verzonnen",
        "birth_date": "2019-05-05",
        "lot": "GGZ",
        "product": "45A01",
        "waiting_since": "2025-06-01",
        "court_ruling_date": "2025-01-15",
        **changes,
    }


def _post(client: Client, entries: list[dict[str, str]]) -> Any:
    return client.post(
        reverse("api-waiting-entry-list"),
        data=json.dumps({"entries": entries}),
        content_type="application/json",
    )


def test_the_api_answers_each_entry_the_same_whether_the_bsn_exists_or_not(world):
    provider = _client(world, Role.PROVIDER)
    bsns = [world.youth["bram"].bsn, world.youth["chris"].bsn, UNKNOWN_BSN]

    refused = _post(provider, [_api_entry(bsn, product="99X99") for bsn in bsns])
    assert refused.status_code == 400
    errors = refused.json()
    assert errors["wachtende 1"] == errors["wachtende 2"] == errors["wachtende 3"]
    assert not WaitingEntry.objects.exists()

    accepted = _post(provider, [_api_entry(bsn) for bsn in bsns])
    assert accepted.status_code == 201
    rows = accepted.json()
    assert [row["bsn"][-3:] for row in rows] == [bsn[-3:] for bsn in bsns]
    same = [{k: v for k, v in row.items() if k not in ("id", "bsn")} for row in rows]
    assert same[0] == same[1] == same[2]
    assert same[0]["youth"] is None
    assert (same[0]["given_name"], same[0]["birth_date"]) == ("Sam", "2019-05-05")
    assert WaitingEntry.objects.filter(youth__isnull=False).count() == 2


def test_a_batch_of_more_than_the_cap_is_refused_whole(world):
    provider = _client(world, Role.PROVIDER)
    entries = [_api_entry(synthetic_test_bsn(100 + n)) for n in range(MAX_ENTRIES + 1)]
    response = _post(provider, entries)
    assert response.status_code == 400
    assert response.json() == {
        "entries": {
            "non_field_errors": [
                f"Meld ten hoogste {MAX_ENTRIES} wachtenden tegelijk; splits de lijst en stuur "
                "de rest in een volgende melding. Er is niets opgeslagen."
            ]
        }
    }
    assert not WaitingEntry.objects.exists()
    assert _post(provider, entries[:MAX_ENTRIES]).status_code == 201
    assert WaitingEntry.objects.count() == MAX_ENTRIES
