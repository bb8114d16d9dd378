# SPDX-License-Identifier: EUPL-1.2
"""The monitoring page and its XLSX export carry the same rows and numbers; the numbers are
the hand computation of ``hand_fixture.py`` plus one treatment that ended."""

import datetime as dt
import io
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from jeugdregie.accounts.constants import Role
from jeugdregie.contracting.constants import Frequency
from jeugdregie.testing.auth import sign_in
from jeugdregie.waitinglists.tests.hand_fixture import build_hand_fixture, youth_born
from jeugdregie.workflows.allocations import allocation_grant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_reference_date() -> Iterator[None]:
    with time_machine.travel("2025-06-30 10:00 +0200", tick=False):
        yield


def _value(text: str) -> object:
    text = re.sub(r"<[^>]+>", "", text).strip()
    if text == "—":
        return None
    if re.fullmatch(r"-?[\d.]+(,\d+)?", text):
        return Decimal(text.replace(".", "").replace(",", "."))
    return text


def _screen(html: str) -> list[list[object]]:
    table = re.search(r'<table class="utrecht-table" id="monitoring">(.*?)</table>', html, re.S)
    assert table is not None
    return [
        [_value(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)]
        for body in re.findall(
            r'<tr class="utrecht-table__row" data-row="\d+">(.*?)</tr>', table.group(1), re.S
        )
    ]


def _xlsx(content: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    assert isinstance(sheet, Worksheet)
    return [
        [
            None
            if value is None
            else Decimal(str(value))
            if isinstance(value, int | float)
            else value
            for value in row
        ]
        for row in sheet.iter_rows(min_row=2, values_only=True)
    ]


def test_the_xlsx_export_equals_the_monitoring_page(world):
    build_hand_fixture(world)
    allocation_grant(
        actor=None,
        youth=youth_born(world, 30, dt.date(2014, 3, 3)),
        provider=world.provider,
        product=world.product,
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 5, 31),
        volume=10,
        frequency=Frequency.TOTAL,
    )
    client = Client()
    sign_in(client, world.users[Role.CONTRACT_MANAGER])
    query = {"jaar": 2025}
    html = client.get(reverse("waitinglists:monitoring"), query).content.decode()
    screen = _screen(html)
    xlsx = client.get(reverse("waitinglists:monitoring-xlsx"), query).content
    exported = _xlsx(xlsx)
    assert exported == screen

    # The months: June has e1, e2, e7 in and e9 out; the second sheet holds the same.
    months = re.findall(r'scope="row">(\w+) 2025</th><td[^>]*>(\d+)</td><td[^>]*>(\d+)</td>', html)
    assert months[5] == ("juni", "3", "1")
    sheet = load_workbook(io.BytesIO(xlsx)).worksheets[1]
    assert [row[1:] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        (int(inflow), int(outflow)) for _name, inflow, outflow in months
    ]

    rows = {(row[0], row[1]): row[2:] for row in screen}
    de_linde = rows[("De Linde Jeugdzorg", "45A01 Behandeling GGZ")]
    # inflow 6 (e1-e6), outflow 2, waiting 4; open 10/20/30/90; closed 59/14;
    # one treatment of 151 days (1 January - 31 May) in the class 92-182 days.
    assert de_linde[:11] == [6, 2, 4, 25, 90, Decimal("36.5"), 59, 1, 151, 0, 1]
    assert rows[("Het Anker", "45A01 Behandeling GGZ")][:7] == [2, 1, 2, 91, 181, 121, 121]
    assert rows[("(geen aanbieder: perceel 1)", None)][:5] == [1, 0, 1, 60, 60]


def test_the_monitoring_page_has_an_empty_state(world):
    client = Client()
    sign_in(client, world.users[Role.POLICY])
    html = client.get(reverse("waitinglists:monitoring"), {"jaar": 2019}).content.decode()
    assert "Geen wachtlijstinschrijvingen of behandelingen in dit jaar." in html
