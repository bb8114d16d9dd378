# SPDX-License-Identifier: EUPL-1.2
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdregie.regions.models import Region
from jeugdregie.regions.selectors import region_by_code
from jeugdregie.workflows.masterdata import ImportRefusedError, import_masterdata


class Command(BaseCommand):
    help = (
        "Migration import from DIR, all or nothing: gemeenten, producten, aanbieders, "
        "plafonds, realisatie, toewijzingen (.csv or .xlsx). Errors are reported per file, "
        "row and column and leave the database unchanged."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument("--region", help="region code; may be left out with one region")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["region"]:
            region = region_by_code(options["region"])
            if region is None:
                raise CommandError(
                    f"Onbekende regio '{options['region']}'. Een nieuwe regio maakt u met "
                    "'jeugdregie region_create' (README: Een regio inrichten)."
                )
        else:
            regions = list(Region.objects.all()[:2])
            if len(regions) != 1:
                raise CommandError("Geef de regio met --region (er is niet precies één regio).")
            region = regions[0]
        try:
            counts = import_masterdata(directory=options["directory"], region=region)
        except ImportRefusedError as refused:
            for message in refused.messages:
                self.stderr.write(message)
            raise CommandError(
                f"Import geweigerd: {len(refused.messages)} fout(en); er is niets gewijzigd."
            ) from refused
        done = ", ".join(f"{name}: {count} regels" for name, count in counts.items())
        self.stdout.write(f"Import voltooid in regio {region.code}: {done or 'niets te doen'}.")
