# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from jeugdregie.demo.constants import DEMO_PASSWORD
from jeugdregie.demo.selectors import demo_login_rows

HEADERS = ("Gebruikersnaam", "Wachtwoord", "Rol", "Organisatie", "Regio", "Om te proberen")


class Command(BaseCommand):
    help = "Toont de demo-accounts met hun wachtwoord, rol en organisatie."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.JEUGDREGIE_DEMO:  # the published password works in demo mode only
            raise CommandError(
                "Deze installatie is geen demo (JEUGDREGIE_DEMO staat niet aan): er zijn geen "
                "demo-accounts om te tonen."
            )
        rows = demo_login_rows()
        if not any(row.exists for row in rows):
            self.stdout.write(
                "Er zijn nog geen demo-accounts. Laad eerst de demo: jeugdregie seed_demo"
            )
            return
        table = [HEADERS] + [
            (row.username, DEMO_PASSWORD, row.role, row.organisation, row.region_code, row.purpose)
            for row in rows
        ]
        widths = [max(len(line[column]) for line in table) for column in range(len(HEADERS))]
        self.stdout.write(f"Demo-accounts (wachtwoord voor alle accounts: {DEMO_PASSWORD})\n")
        for number, line in enumerate(table):
            cells = (cell.ljust(width) for cell, width in zip(line, widths, strict=True))
            self.stdout.write("  ".join(cells).rstrip())
            if number == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
        with_code = [row for row in rows if row.exists and row.second_factor and row.totp_secret]
        if with_code:
            self.stdout.write(
                "\nTweede stap (TOTP) na het wachtwoord voor deze accounts: voer de sleutel in "
                "een authenticator-app in (tijdgebaseerd, 6 cijfers, 30 seconden), of typ de "
                "code die hier staat (nu geldig)."
            )
            width = max(len(row.username) for row in with_code)
            for row in with_code:
                name = row.username.ljust(width)
                self.stdout.write(f"  {name}  sleutel {row.totp_secret}  code nu {row.totp_code}")
        missing = [row.username for row in rows if not row.exists]
        if missing:
            self.stdout.write(
                f"\nNog niet aangemaakt: {', '.join(missing)}. Draai: jeugdregie seed_demo --force"
            )
        self.stdout.write("\nBeheeromgeving (/beheer/): log in als 'beheer'.")
