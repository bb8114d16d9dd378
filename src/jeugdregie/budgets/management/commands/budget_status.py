# SPDX-License-Identifier: EUPL-1.2
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from jeugdregie.budgets.selectors import budget_positions
from jeugdregie.contracting.models import Provider
from jeugdregie.core.commands import command_date
from jeugdregie.regions.models import Region


def _money(value: object) -> str | None:
    return None if value is None else str(value)


class Command(BaseCommand):
    help = (
        "Budget position per provider with a ceiling (budgets.md §2): ceiling, realisation, "
        "commitment, headroom, exhaustion (percentage of the ceiling), forecast, projected "
        "exhaustion date, status."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", help="region code; default all regions")
        parser.add_argument("--year", type=int, help="default: the year of --date")
        parser.add_argument("--provider", help="AGB code of one provider")
        parser.add_argument("--date", help="reference date YYYY-MM-DD; default today")
        parser.add_argument("--json", action="store_true", help="a JSON list")

    def handle(self, *args: Any, **options: Any) -> None:
        on = command_date(options["date"]) or timezone.localdate()
        year = options["year"] or on.year
        regions = Region.objects.order_by("code")
        if options["region"]:
            regions = regions.filter(code=options["region"])
            if not regions.exists():
                raise CommandError(f"Onbekende regio '{options['region']}'.")
        provider_id = None
        if options["provider"]:
            provider = Provider.objects.filter(agb_code=options["provider"]).first()
            if provider is None:
                raise CommandError(f"Onbekende aanbieder met AGB-code '{options['provider']}'.")
            provider_id = provider.pk
        rows = []
        for region in regions:
            for position in budget_positions(
                region=region, year=year, on=on, provider_id=provider_id
            ):
                f = position.figures
                projected = f.projected_exhaustion_date
                rows.append(
                    {
                        "provider_agb": position.provider.agb_code,
                        "year": year,
                        "ceiling": _money(f.ceiling),
                        "realisation": _money(f.realisation),
                        "commitment": _money(f.commitment),
                        "headroom": _money(f.headroom),
                        "exhaustion": _money(f.exhaustion),
                        "forecast": _money(f.forecast),
                        "projected_exhaustion_date": projected.isoformat() if projected else None,
                        "status": f.status,
                        "client_stop": f.client_stop,
                    }
                )
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            self.stdout.write(
                f"{row['provider_agb']} {row['year']} plafond {row['ceiling']} "
                f"realisatie {row['realisation']} obligo {row['commitment']} "
                f"ruimte {row['headroom']} uitputting {row['exhaustion']}% "
                f"prognose {row['forecast']} uitgeput op {row['projected_exhaustion_date'] or '-'} "
                f"status {row['status']}"
            )
