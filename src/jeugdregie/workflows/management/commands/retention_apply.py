# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from jeugdregie.core.commands import command_date
from jeugdregie.workflows.retention import retention_apply


class Command(BaseCommand):
    help = (
        "Anonymise the youth, afwegingskader cases and waiting-list entries whose retention "
        "period (dated policy 'retention' of the region) has passed; --dry-run only counts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="count, change nothing")
        parser.add_argument("--date", help="the day to apply the periods on, YYYY-MM-DD")

    def handle(self, *args: Any, **options: Any) -> None:
        on = command_date(options["date"]) or timezone.localdate()
        report = retention_apply(on=on, dry_run=options["dry_run"])
        verb = "zou anonimiseren" if report.dry_run else "geanonimiseerd"
        self.stdout.write(
            f"Bewaartermijnen op {on:%d-%m-%Y}: {verb}: {report.youth} jeugdigen, "
            f"{report.cases} casussen van het afwegingskader, "
            f"{report.waiting_entries} wachtlijstregels."
        )
