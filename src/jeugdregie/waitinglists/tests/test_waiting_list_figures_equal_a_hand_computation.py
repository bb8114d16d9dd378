# SPDX-License-Identifier: EUPL-1.2
"""Waiting-list length, median and 90th percentile (nearest rank) per lot and per provider,
open and closed apart, equal the hand computation of ``hand_fixture.py``; the page shows them."""

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.auth import sign_in
from jeugdregie.waitinglists import figures
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.waitinglists.selectors import entry_facts, waiting_figures
from jeugdregie.waitinglists.tests.hand_fixture import TODAY, build_hand_fixture


@pytest.fixture
def _on_the_reference_date() -> Iterator[None]:
    with time_machine.travel("2025-06-30 10:00 +0200", tick=False):
        yield


def test_median_and_nearest_rank_percentile_by_hand():
    assert figures.median([]) is None
    assert figures.median([7]) == 7
    assert figures.median([30, 10, 20]) == 20
    assert figures.median([10, 20, 30, 90]) == 25
    assert figures.median([14, 59]) == Decimal("36.5")
    # Nearest rank: ceil(0.9 * n); 10 values -> the 9th, 11 values -> the 10th, 1 -> the 1st.
    assert figures.percentile_nearest_rank(list(range(1, 11)), 90) == 9
    assert figures.percentile_nearest_rank(list(range(1, 12)), 90) == 10
    assert figures.percentile_nearest_rank([5], 90) == 5
    assert figures.percentile_nearest_rank([], 90) is None


@pytest.mark.django_db
@pytest.mark.usefixtures("_on_the_reference_date")
def test_lengths_on_dates_and_monthly_flows_equal_the_hand_computation(world):
    build_hand_fixture(world)
    facts = entry_facts(WaitingEntry.objects.all())
    assert figures.length_on(facts, TODAY) == 7
    # 1 March: e8 and e9 wait; e5 left on 1 March itself; e6 left on 15 February.
    assert figures.length_on(facts, dt.date(2025, 3, 1)) == 2
    # 10 February: e5, e6 and e8.
    assert figures.length_on(facts, dt.date(2025, 2, 10)) == 3
    flows = {
        month: (inflow, outflow) for month, inflow, outflow in figures.month_flows(facts, 2025)
    }
    assert flows[1] == (1, 0)  # e5 in (e8 started in 2024)
    assert flows[2] == (1, 1)  # e6 in, e6 out
    assert flows[3] == (1, 1)  # e9 in, e5 out
    assert flows[4] == (1, 0)
    assert flows[5] == (2, 0)  # e3 (31 May) and e10
    assert flows[6] == (3, 1)  # e1, e2, e7 in; e9 out
    assert sum(inflow for inflow, _out in flows.values()) == 9


@pytest.mark.django_db
@pytest.mark.usefixtures("_on_the_reference_date")
def test_figures_per_lot_and_provider_equal_the_hand_computation(world):
    build_hand_fixture(world)
    result = waiting_figures(user=world.users[Role.CONTRACT_MANAGER], today=TODAY)

    def summary(row):
        return (
            row.length,
            row.open_times.median,
            row.open_times.p90,
            row.closed_times.count,
            row.closed_times.median,
            row.closed_times.p90,
        )

    per_provider = {row.label: summary(row) for row in result.per_provider}
    # De Linde: open 10, 20, 30, 90; closed 59, 14.
    assert per_provider["De Linde Jeugdzorg"] == (4, 25, 90, 2, Decimal("36.5"), 59)
    # Het Anker: open 1, 181; closed 121 (left on the reference date itself).
    assert per_provider["Het Anker"] == (2, 91, 181, 1, 121, 121)
    assert per_provider["(geen aanbieder: perceel 1)"] == (1, 60, 60, 0, None, None)

    per_lot = {row.label: summary(row) for row in result.per_lot}
    # GGZ: open 1, 10, 20, 30, 90, 181 -> median 25, p90 rank 6 = 181; closed 14, 59, 121.
    assert per_lot["GGZ Jeugd-GGZ"] == (6, 25, 181, 3, 59, 121)
    assert per_lot["P1 Perceel 1"] == (1, 60, 60, 0, None, None)
    # All open: 1, 10, 20, 30, 60, 90, 181 -> median 30, p90 rank ceil(6.3) = 7 -> 181.
    assert summary(result.total) == (7, 30, 181, 3, 59, 121)


def _cells(html: str, table_id: str) -> dict[str, list[str]]:
    table = re.search(rf'<table class="utrecht-table" id="{table_id}">(.*?)</table>', html, re.S)
    assert table is not None, table_id
    rows = {}
    for label, body in re.findall(
        r'<tr class="utrecht-table__row" data-group="([^"]*)">(.*?)</tr>', table.group(1), re.S
    ):
        rows[label] = [cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)]
    return rows


@pytest.mark.django_db
@pytest.mark.usefixtures("_on_the_reference_date")
def test_the_waiting_list_page_shows_the_hand_computed_figures(world):
    build_hand_fixture(world)
    client = Client()
    sign_in(client, world.users[Role.CONTRACT_MANAGER])
    html = client.get(reverse("waitinglists:entry-list")).content.decode()
    assert _cells(html, "per-aanbieder")["De Linde Jeugdzorg"] == [
        "4",
        "25",
        "90",
        "2",
        "36,5",
        "59",
    ]
    assert _cells(html, "per-aanbieder")["Het Anker"] == ["2", "91", "181", "1", "121", "121"]
    assert _cells(html, "per-perceel")["GGZ Jeugd-GGZ"] == ["6", "25", "181", "3", "59", "121"]
    assert "⌈0.9 × n⌉" in html  # the percentile definition is on the page
    # Open entries only by default, longest waiting first: e8 (since 31 December 2024).
    order = re.findall(r'data-entry="(\d+)"', html)
    assert len(order) == 7
    first = WaitingEntry.objects.get(pk=int(order[0]))
    assert first.waiting_since == dt.date(2024, 12, 31)


@pytest.mark.django_db
@pytest.mark.usefixtures("_on_the_reference_date")
def test_policy_sees_the_figures_without_names(world):
    fixture = build_hand_fixture(world)
    client = Client()
    sign_in(client, world.users[Role.POLICY])
    html = client.get(reverse("waitinglists:entry-list")).content.decode()
    assert _cells(html, "per-perceel")["GGZ Jeugd-GGZ"] == ["6", "25", "181", "3", "59", "121"]
    assert "Wachter" not in html
    assert "data-entry=" not in html
    assert fixture.youth["e1"].given_name not in html
