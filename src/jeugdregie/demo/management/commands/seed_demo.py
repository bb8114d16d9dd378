# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdregie.core.dates import default_year
from jeugdregie.demo.constants import DEFAULT_SEED, Scale
from jeugdregie.demo.models import DemoDataset
from jeugdregie.demo.services import (
    DemoRebuildRequiredError,
    DemoRefusedError,
    SeedResult,
    demo_rebuild,
    demo_seed,
)


def _number(value: int) -> str:
    """Dutch thousands separator: 10.400."""
    return f"{value:,}".replace(",", ".")


class Command(BaseCommand):
    help = (
        "Bouwt de synthetische demoregio's Zuid-Holland Zuid (zhz) en IJmond/Zuid-Kennemerland "
        "(ijzk) met jeugdigen, toewijzingen, aanbieders, plafonds en demo-accounts. "
        "Deterministisch: dezelfde seed geeft dezelfde gegevens. Alleen in demomodus "
        "(JEUGDREGIE_DEMO=1) en in een database met alleen de demo; een demo met andere "
        "instellingen wordt opnieuw opgebouwd door de database opnieuw aan te maken."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            choices=[scale.value for scale in Scale],
            default=Scale.REGION,
            help="small = 1/20 van een regio (tests), region = gekalibreerd, large = 4×",
        )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="standaard 2022")
        parser.add_argument(
            "--year", type=int, help="het demojaar; standaard het laatste volledige jaar"
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="opnieuw opbouwen (database opnieuw aanmaken), ook als de demo al met deze "
            "instellingen bestaat",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        year = options["year"] or default_year()
        scale, seed = options["scale"], options["seed"]
        try:
            results = self._seed(scale=scale, seed=seed, year=year, force=options["force"])
        except DemoRefusedError as error:
            raise CommandError(str(error)) from error
        if all(result.skipped for result in results):
            self.stdout.write(
                f"De demoregio's bestaan al (schaal {options['scale']}, seed {options['seed']}, "
                f"jaar {year}); niets gewijzigd. Gebruik --force om opnieuw op te bouwen."
            )
            return
        for result in results:
            self.stdout.write(
                f"Demoregio {result.region}: {_number(result.youth)} jeugdigen, "
                f"{_number(result.allocations)} toewijzingen, {result.providers} aanbieders "
                f"(jaar {result.year}, {result.seconds:.1f} s)"
            )
        self.stdout.write(self.style.SUCCESS("Klaar. Inloggen: zie 'jeugdregie demo_logins'."))

    def _seed(self, *, scale: str, seed: int, year: int, force: bool) -> list[SeedResult]:
        try:
            return demo_seed(scale=scale, seed=seed, year=year, force=force)
        except DemoRebuildRequiredError:
            built = ", ".join(
                f"{dataset.region.code}: jaar {dataset.year}, schaal {dataset.scale}, "
                f"seed {dataset.seed}, generatorversie {dataset.version}"
                for dataset in DemoDataset.objects.select_related("region").order_by("pk")
            )
            self.stdout.write(
                f"De demo bestaat al ({built or 'onvolledig'}); opnieuw opbouwen voor jaar "
                f"{year}, schaal {scale}, seed {seed}: de database wordt opnieuw aangemaakt "
                "en gemigreerd (logregels worden niet los verwijderd)."
            )
            return demo_rebuild(scale=scale, seed=seed, year=year)
