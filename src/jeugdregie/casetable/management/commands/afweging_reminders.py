# SPDX-License-Identifier: EUPL-1.2
"""Send the reminders of evaluation moments that are due (run daily, e.g. from cron)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from jeugdregie.casetable.services import follow_ups_remind
from jeugdregie.core.commands import command_date


class Command(BaseCommand):
    help = "Notify requesters and contract management of evaluation moments that are due."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="reference date YYYY-MM-DD (default: today)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = command_date(options["date"]) or timezone.localdate()
        sent = follow_ups_remind(today=today)
        self.stdout.write(f"{sent} herinnering(en) voor evaluatiemomenten verstuurd.")
