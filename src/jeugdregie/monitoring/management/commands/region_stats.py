# SPDX-License-Identifier: EUPL-1.2
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdregie.core.dates import default_year
from jeugdregie.monitoring.selectors import region_stats
from jeugdregie.regions.models import Region


class Command(BaseCommand):
    help = "Key figures per region for a year (the same numbers as the region-figures page)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", help="region code; default all regions")
        parser.add_argument("--year", type=int, help="default: the last complete year")
        parser.add_argument("--json", action="store_true", help="one JSON object per region")

    def handle(self, *args: Any, **options: Any) -> None:
        year = options["year"] or default_year()
        regions = Region.objects.order_by("code")
        if options["region"]:
            regions = regions.filter(code=options["region"])
            if not regions.exists():
                raise CommandError(f"Onbekende regio '{options['region']}'.")
        for region in regions:
            stats = region_stats(region=region, year=year).as_json()
            if options["json"]:
                self.stdout.write(json.dumps(stats, ensure_ascii=False))
            else:
                for key, value in stats.items():
                    self.stdout.write(f"{key:28} {value}")
                self.stdout.write("")
