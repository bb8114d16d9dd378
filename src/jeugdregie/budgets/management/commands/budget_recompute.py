# SPDX-License-Identifier: EUPL-1.2
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdregie.budgets.ledger import ledger_recompute
from jeugdregie.core.commands import command_date
from jeugdregie.regions.models import Region


class Command(BaseCommand):
    help = (
        "Rebuild the stored budget ledger from scratch as of today (run nightly); gives the "
        "same numbers as the incremental updates."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", help="region code; default all regions")
        parser.add_argument("--date", help="reference date YYYY-MM-DD (tests); default today")

    def handle(self, *args: Any, **options: Any) -> None:
        region = None
        if options["region"]:
            region = Region.objects.filter(code=options["region"]).first()
            if region is None:
                raise CommandError(f"Onbekende regio '{options['region']}'.")
        on = command_date(options["date"])
        started = time.perf_counter()
        rows = ledger_recompute(region=region, on=on)
        seconds = time.perf_counter() - started
        self.stdout.write(f"Budgetgrootboek herberekend: {rows} regels in {seconds:.2f} s.")
