# SPDX-License-Identifier: EUPL-1.2
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdregie.core.errors import validation_messages
from jeugdregie.regions.services import region_create, region_office_code


def _percentage(value: str | None, option: str) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(value.replace(",", "."))
    except InvalidOperation as exc:
        raise CommandError(
            f"{option}: '{value}' is geen percentage (bijvoorbeeld 90 of 97,5)."
        ) from exc


class Command(BaseCommand):
    help = (
        "Create a region with its policy settings and its service organisation "
        "(<code>-servicecentrum). Status thresholds left out follow the region's dated policy."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--code", required=True, help="short code, e.g. wnb (lowercase)")
        parser.add_argument("--name", required=True, help="e.g. 'Jeugdhulpregio West-Brabant'")
        parser.add_argument("--office-name", default="", help="name of the service organisation")
        parser.add_argument(
            "--ceiling-adjustable-in-year",
            action="store_true",
            help="ceilings may be raised during the year they apply to (default: fixed)",
        )
        parser.add_argument(
            "--client-stop-refuses-extensions",
            action="store_true",
            help="a client stop also refuses extensions of running care (default: allowed)",
        )
        parser.add_argument("--warning-pct", help="status 'warning' from this exhaustion %%")
        parser.add_argument("--critical-pct", help="status 'critical' from this exhaustion %%")
        parser.add_argument("--exhausted-pct", help="status 'exhausted' from this exhaustion %%")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            region = region_create(
                actor=None,
                code=options["code"],
                name=options["name"],
                office_name=options["office_name"],
                ceiling_fixed_in_year=not options["ceiling_adjustable_in_year"],
                client_stop_allows_extensions=not options["client_stop_refuses_extensions"],
                status_warning_pct=_percentage(options["warning_pct"], "--warning-pct"),
                status_critical_pct=_percentage(options["critical_pct"], "--critical-pct"),
                status_exhausted_pct=_percentage(options["exhausted_pct"], "--exhausted-pct"),
            )
        except ValidationError as error:
            raise CommandError(
                "Regio niet aangemaakt: " + " ".join(validation_messages(error))
            ) from error
        thresholds = (
            f"{region.status_warning_pct}% / {region.status_critical_pct}% / "
            f"{region.status_exhausted_pct}%"
            if region.status_warning_pct is not None
            else "volgens het gedateerde beleid (policy/)"
        )
        self.stdout.write(
            f"Regio {region.code} ({region.name}) aangemaakt.\n"
            f"  Organisatie van de regio: {region_office_code(region)}\n"
            f"  Plafond vast binnen het jaar: {'ja' if region.ceiling_fixed_in_year else 'nee'}\n"
            f"  Verlengen tijdens een cliëntenstop: "
            f"{'ja' if region.client_stop_allows_extensions else 'nee'}\n"
            f"  Statusgrenzen (waarschuwing / kritiek / uitgeput): {thresholds}"
        )
