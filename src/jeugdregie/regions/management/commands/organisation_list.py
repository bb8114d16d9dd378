# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdregie.accounts.constants import OrganisationKind
from jeugdregie.regions.selectors import organisations_of_region, region_by_code


class Command(BaseCommand):
    help = (
        "List a region's organisations with their codes: the codes user_create, "
        "apiclient_create and the sign-in's group mapping (JEUGDREGIE_OIDC_GROUPS) name."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", required=True, help="region code")

    def handle(self, *args: Any, **options: Any) -> None:
        region = region_by_code(options["region"])
        if region is None:
            raise CommandError(f"Onbekende regio '{options['region']}'.")
        organisations = organisations_of_region(region)
        if not organisations:
            self.stdout.write(f"Regio {region.code} heeft nog geen organisaties.")
            return
        width = max(len(o.code) for o in organisations)
        for organisation in organisations:
            kind = OrganisationKind(organisation.kind).label
            self.stdout.write(f"{organisation.code:<{width}}  {kind}: {organisation.name}")
