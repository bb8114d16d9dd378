# SPDX-License-Identifier: EUPL-1.2
"""The functional administrator's first-run page (/inrichting/) follows a new region from an
empty installation to done, step by step, and says what to do next in Dutch. Who may open
it: the route table (tests/routes.py, "region-setup")."""

import re
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from jeugdregie.accounts.models import User
from jeugdregie.testing.auth import sign_in

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[4] / "docs" / "inrichten" / "voorbeeld"
PASSWORD = "een-lang-wachtwoord-voor-de-regio\n"


def _steps(client: Client) -> tuple[str, dict[str, str]]:
    page = client.get("/inrichting/")
    assert page.status_code == 200
    text = page.content.decode()
    rows = re.findall(
        r'<th class="utrecht-table__header-cell" scope="row">([^<]+)</th>\s*'
        r'<td class="utrecht-table__cell">(?:<strong>)?([^<]+)',
        text,
    )
    summary = re.search(r"(\d+ van \d+ stappen gereed)", text)
    assert summary is not None
    return summary.group(1), dict(rows)


def _user(role: str, username: str) -> None:
    call_command(
        "user_create",
        "--username",
        username,
        "--role",
        role,
        "--organisation",
        "vbl-servicecentrum",
        "--password-stdin",
        stdin=StringIO(PASSWORD),
        stdout=StringIO(),
    )


@time_machine.travel("2026-06-01 09:00 +0200", tick=False)
def test_the_page_follows_the_installation_to_done(settings):
    call_command("region_create", "--code", "vbl", "--name", "Voorbeeldland", stdout=StringIO())
    _user("functional_admin", "f.beheer")
    client = Client()
    sign_in(client, User.objects.get(username="f.beheer"))

    summary, steps = _steps(client)
    assert summary == "2 van 9 stappen gereed"
    assert steps == {
        "Regio en beleidsinstellingen": "Gereed",
        "Gedateerd beleid": "Gereed",
        "Gemeenten": "Te doen",
        "Organisaties van de toegangsteams": "Te doen",
        "Percelen en producten": "Te doen",
        "Gecontracteerde aanbieders": "Te doen",
        "Budgetplafonds 2026": "Te doen",
        "Contractbeheer en privacyfunctionaris": "Te doen",
        "Inloggen": "Te doen",
    }

    assert (
        "jeugdregie import_masterdata MAP --region vbl"
        in client.get("/inrichting/").content.decode()
    )

    call_command("import_masterdata", str(EXAMPLE), "--region", "vbl", stdout=StringIO())
    summary, steps = _steps(client)
    assert summary == "7 van 9 stappen gereed"
    assert steps["Contractbeheer en privacyfunctionaris"] == "Te doen"
    assert "Ontbreekt: Contractmanager, Privacyfunctionaris" in client.get(
        "/inrichting/"
    ).content.decode().replace("&#x27;", "'")

    _user("contract_manager", "c.bakker")
    _user("privacy_officer", "p.devries")
    settings.OIDC_RP_CLIENT_ID = "jeugdregie"
    summary, steps = _steps(client)
    assert summary == "9 van 9 stappen gereed"
    assert set(steps.values()) == {"Gereed"}
