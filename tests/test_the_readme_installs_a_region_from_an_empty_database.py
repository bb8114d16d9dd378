# SPDX-License-Identifier: EUPL-1.2
"""The README's chapter "Een regio inrichten", run command for command on an empty database,
ends with a contract manager who signs in (password and a new authenticator app) and finds the
imported allocation on the provider's budget page."""

import json
import re
import shlex
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import Organisation, User
from jeugdregie.allocations.models import Allocation
from jeugdregie.contracting.models import Provider
from jeugdregie.core.templatetags.jeugdregie import euro
from jeugdregie.regions.models import Municipality, Region
from jeugdregie.testing.auth import totp_code

pytestmark = pytest.mark.django_db(transaction=False)

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Voorbeeldland-is-veilig-2026"
CHAPTER = "\n## Een regio inrichten\n"


class Terminal(StringIO):
    """Standard input as a terminal: user_create asks the password with getpass."""

    def isatty(self) -> bool:
        return True


def readme_commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(CHAPTER)
    chapter = text[start : text.index("\n## ", start + 1)]
    block = re.search(r"```sh\n(.*?)```", chapter, re.DOTALL)
    assert block is not None, "the chapter has a ```sh block with the commands"
    lines = [line for line in block.group(1).splitlines() if line and not line.startswith("#")]
    return [shlex.split(line) for line in lines]


def test_the_chapter_is_only_jeugdregie_commands():
    commands = readme_commands()
    assert [c[0] for c in commands if c[0] != "jeugdregie"] == []
    assert [c[1] for c in commands] == [
        "migrate",
        "region_create",
        "user_create",
        "import_masterdata",
        "organisation_list",
        "user_create",
        "user_create",
    ]


def test_the_readme_commands_install_a_region_up_to_the_budget_page(monkeypatch):
    assert Region.objects.count() == 0
    assert User.objects.count() == 0
    assert Organisation.objects.count() == 0
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSWORD)

    printed: list[str] = []
    with time_machine.travel("2026-06-01 09:00 +0200", tick=False):
        for command in readme_commands():
            out = StringIO()
            call_command(*command[1:], stdout=out)
            printed.append(out.getvalue())

        region = Region.objects.get(code="vbl")
        assert region.name == "Jeugdhulpregio Voorbeeldland"
        assert "Organisatie van de regio: vbl-servicecentrum" in printed[1]
        assert "Import voltooid in regio vbl" in printed[3]
        listed = printed[4]
        for code in ("vbl-servicecentrum", "vbl-gemeente-breda", "vbl-gemeente-oosterhout"):
            assert code in listed
        assert set(Municipality.objects.values_list("cbs_code", flat=True)) == {"0758", "0826"}

        admin = User.objects.get(username="f.debeheerder")
        assert (admin.role, admin.is_staff, admin.is_superuser) == (
            Role.FUNCTIONAL_ADMIN,
            True,
            False,
        )
        access = User.objects.get(username="t.jansen")
        assert access.organisation is not None
        assert access.organisation.municipality is not None
        assert access.organisation.municipality.name == "Breda"

        allocation = Allocation.objects.get(number="1001")
        provider = Provider.objects.get(agb_code="12345678")
        assert allocation.provider_id == provider.pk

        status = StringIO()
        call_command(
            "budget_status", "--region", "vbl", "--provider", "12345678", "--json", stdout=status
        )
        (row,) = json.loads(status.getvalue())
        assert row["ceiling"] == "200000.00"  # "200.000" in the file: a whole number
        assert row["realisation"] == "120000.00"  # five months written five ways
        commitment = row["commitment"]
        assert Decimal(commitment) > 0

        client = Client()
        signed = client.post("/inloggen/", {"username": "c.bakker", "password": PASSWORD})
        assert signed.status_code == 302
        assert signed["Location"].startswith("/inloggen/tweede-stap/instellen/")
        assert client.get(signed["Location"]).status_code == 200
        device = TOTPDevice.objects.get(user__username="c.bakker")
        confirmed = client.post(signed["Location"], {"code": totp_code(device)})
        assert confirmed.status_code == 302

        page = client.get(f"/budget/aanbieders/{provider.pk}/?jaar=2026")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Voorbeeld Jeugdhulp" in text
    assert "€ 200.000,00" in text
    assert "€ 120.000,00" in text
    assert euro(Decimal(commitment)) in text, "the imported allocation's commitment"


def test_a_second_region_with_the_same_code_is_refused_and_nothing_changes():
    call_command("region_create", "--code", "vbl", "--name", "Voorbeeldland", stdout=StringIO())
    before = (Region.objects.count(), Organisation.objects.count())
    with pytest.raises(CommandError, match=r"Regio niet aangemaakt: .*bestaat al"):
        call_command("region_create", "--code", "VBL", "--name", "Nog een", stdout=StringIO())
    with pytest.raises(CommandError, match="statusgrenzen"):
        call_command(
            "region_create",
            "--code",
            "vbl2",
            "--name",
            "Verkeerde grenzen",
            "--warning-pct",
            "99",
            "--critical-pct",
            "90",
            "--exhausted-pct",
            "100",
            stdout=StringIO(),
        )
    assert (Region.objects.count(), Organisation.objects.count()) == before
