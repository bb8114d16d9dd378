# SPDX-License-Identifier: EUPL-1.2
"""The region overview, its CSV and its XLSX export carry exactly the same numbers; the
provider budget page draws an accessible chart with its numbers in a table."""

import csv
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
from jeugdregie.budgets.services import realisation_book
from jeugdregie.budgets.tests.worked_example import build_worked_example
from jeugdregie.testing.auth import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_june() -> Iterator[None]:
    with time_machine.travel("2025-06-01 09:00 +0200", tick=False):
        yield


def _client(world, role: str) -> Client:
    client = Client()
    sign_in(client, world.users[role])
    return client


def _amount(text: str) -> Decimal | None:
    text = re.sub(r"<[^>]+>", "", text).strip()
    if text in ("—", "—%"):
        return None
    return Decimal(text.replace("€", "").replace("%", "").replace(".", "").replace(",", "."))


def _screen_rows(html: str) -> dict[str, list[Decimal | None]]:
    rows = {}
    for agb, body in re.findall(
        r'<tr class="utrecht-table__row" data-agb="(\d+)">(.*?)</tr>', html, re.S
    ):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)
        rows[agb] = [_amount(cell) for cell in cells[2:8]]
    return rows


def _setup(world) -> None:
    build_worked_example(world)
    realisation_book(
        actor=None,
        region=world.region,
        provider=world.other_provider,
        year=2025,
        month=2,
        amount="181234.56",
    )


def test_csv_and_xlsx_exports_equal_the_overview_on_screen(world):
    _setup(world)
    client = _client(world, Role.CONTRACT_MANAGER)
    query = {"sorteer": "-uitputting"}
    screen = _screen_rows(client.get(reverse("budgets:budget-overview"), query).content.decode())
    assert set(screen) == {world.provider.agb_code, world.other_provider.agb_code, "12345678"}
    assert screen["12345678"] == [
        Decimal("200000.00"),
        Decimal("120000.00"),
        Decimal("16475.62"),
        Decimal("63524.38"),
        Decimal("68.24"),
        Decimal("159949.58"),
    ]

    response = client.get(reverse("budgets:budget-overview-csv"), query)
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, body = lines[0], lines[1:]
    assert header[3:9] == [
        "Plafond (€)",
        "Realisatie (€)",
        "Obligo (€)",
        "Ruimte (€)",
        "Uitputting (%)",
        "Prognose (€)",
    ]
    # One decimal style in every CSV: the decimal comma Dutch Excel reads, no point.
    assert all("." not in v for row in body for v in row[3:9])
    from_csv = {
        row[0]: [Decimal(v.replace(",", ".")) if v else None for v in row[3:9]] for row in body
    }

    response = client.get(reverse("budgets:budget-overview-xlsx"), query)
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert isinstance(sheet, Worksheet)
    from_xlsx = {
        row[0]: [None if v is None else Decimal(str(v)) for v in row[3:9]]
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert from_csv == screen
    assert from_xlsx == screen
    # Same order as on screen: most exhausted first.
    assert body[0][0] == world.other_provider.agb_code


def test_policy_sees_the_region_totals_only(world):
    _setup(world)
    page = _client(world, Role.POLICY).get(reverse("budgets:budget-overview")).content.decode()
    assert "regiototalen" in page
    assert "data-agb" not in page
    assert "Voorbeeld Jeugdhulp" not in page


def test_the_overview_filters_on_lot_and_sorts_on_headroom(world):
    _setup(world)
    client = _client(world, Role.CONTRACT_MANAGER)
    page = client.get(
        reverse("budgets:budget-overview"), {"perceel": world.lot.pk, "sorteer": "ruimte"}
    ).content.decode()
    order = re.findall(r'data-agb="(\d+)"', page)
    assert order[0] == world.other_provider.agb_code  # least headroom first


def test_the_provider_page_has_an_accessible_chart_and_the_numbers_in_a_table(world):
    example = build_worked_example(world)
    page = (
        _client(world, Role.CONTRACT_MANAGER)
        .get(reverse("budgets:provider-budget", kwargs={"pk": example.provider.pk}))
        .content.decode()
    )
    assert "<svg" in page
    assert '<title id="grafiek-title">' in page
    assert '<desc id="grafiek-desc">' in page
    december = re.search(
        r'<th class="utrecht-table__header-cell" scope="row">12</th>(.*?)</tr>', page, re.S
    )
    assert december is not None
    cells = [_amount(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", december.group(1), re.S)]
    assert cells == [
        Decimal("120000.00"),
        Decimal("136475.62"),
        Decimal("159949.58"),
        Decimal("200000.00"),
    ]
