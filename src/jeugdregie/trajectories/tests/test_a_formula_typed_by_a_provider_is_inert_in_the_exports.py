# SPDX-License-Identifier: EUPL-1.2
"""Attack 5 of the trust review: a provider types a spreadsheet formula as a practitioner's
name; in contract management's CSV and XLSX export of the trajectories it is plain text
that no spreadsheet program runs (OWASP "CSV injection")."""

import csv
import datetime as dt
import io
import zipfile

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from jeugdregie.accounts.constants import Role
from jeugdregie.contracting.constants import Frequency
from jeugdregie.testing.auth import sign_in
from jeugdregie.trajectories.models import AdditionalPractitioner, Trajectory
from jeugdregie.trajectories.tests.world import Perceel2
from jeugdregie.workflows.allocations import allocation_grant

FORMULA = '=HYPERLINK("http://x","y")'
ADDITIONAL = '@SUM(1+1)*cmd|" /C calc"!A0'


def _provider_types_the_names(p2: Perceel2) -> Trajectory:
    """The provider registers a trajectory and an additional practitioner on its screens."""
    world = p2.world
    allocation = allocation_grant(
        actor=None,
        youth=world.youth["daan"],
        provider=world.provider,
        product=p2.product,
        start=dt.date(2025, 3, 1),
        end=dt.date(2026, 2, 28),
        volume=1,
        frequency=Frequency.PER_WEEK,
        referral=world.referrals["daan"],
    )
    provider = Client()
    sign_in(provider, world.users[Role.PROVIDER])
    created = provider.post(
        reverse("trajectories:trajectory-create"),
        {"allocation": allocation.pk, "practitioner_name": FORMULA},
    )
    assert created.status_code == 302, created.content.decode()
    trajectory = Trajectory.objects.get(allocation=allocation)
    added = provider.post(
        reverse("trajectories:additional-practitioner-add", kwargs={"pk": trajectory.pk}),
        {
            "other_provider": world.other_provider.pk,
            "practitioner_name": ADDITIONAL,
            "start": "2025-04-01",
            "end": "2025-12-31",
            "volume": 1,
        },
    )
    assert added.status_code == 302, added.content.decode()
    assert AdditionalPractitioner.objects.get(trajectory=trajectory).practitioner_name == ADDITIONAL
    assert trajectory.practitioner_name == FORMULA
    return trajectory


@pytest.mark.django_db
def test_the_formula_is_text_in_contract_managements_csv_and_xlsx(p2: Perceel2) -> None:
    trajectory = _provider_types_the_names(p2)
    manager = Client()
    sign_in(manager, p2.world.users["other_region"])  # contract management of the region

    response = manager.get(reverse("trajectories:trajectory-export"))
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {
        row["Toewijzingsnummer"]: row for row in csv.DictReader(io.StringIO(text), delimiter=";")
    }
    # A leading quote: Excel and LibreOffice show the text, they do not run it.
    assert rows[trajectory.allocation.number]["Regiebehandelaar"] == "'" + FORMULA
    assert not any(line.startswith(("=", '"=')) for line in text.splitlines())
    assert rows[trajectory.allocation.number]["Medebehandelaars"] == "1"

    response = manager.get(reverse("trajectories:trajectory-export-xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert isinstance(sheet, Worksheet)
    header = [cell.value for cell in sheet[1]]
    column = header.index("Regiebehandelaar")
    cells = {row[0].value: row[column] for row in sheet.iter_rows(min_row=2)}
    cell = cells[trajectory.allocation.number]
    assert cell.data_type == "s"  # text, not "f" (formula)
    assert cell.value == FORMULA
    assert cell.quotePrefix  # and it stays text when someone edits it in Excel
    with zipfile.ZipFile(io.BytesIO(response.content)) as book:
        assert "<f>" not in book.read("xl/worksheets/sheet1.xml").decode()


@pytest.mark.django_db
def test_the_xlsx_export_holds_the_rows_of_the_csv_export(p2: Perceel2) -> None:
    _provider_types_the_names(p2)
    manager = Client()
    sign_in(manager, p2.world.users["other_region"])

    response = manager.get(reverse("trajectories:trajectory-export"))
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    from_csv = list(csv.reader(io.StringIO(text), delimiter=";"))

    response = manager.get(reverse("trajectories:trajectory-export-xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert isinstance(sheet, Worksheet)

    def as_csv(value: object) -> str:
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if value is None:
            return ""
        text = str(value)
        return "'" + text if text.startswith(("=", "+", "-", "@")) else text

    from_xlsx = [[as_csv(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert len(from_csv) == 3  # the header, the worked example and the new trajectory
    assert from_xlsx == from_csv
