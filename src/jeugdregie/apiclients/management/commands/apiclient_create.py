# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdregie.accounts.models import User
from jeugdregie.apiclients.constants import Scope
from jeugdregie.apiclients.selectors import organisation_by_reference
from jeugdregie.apiclients.services import api_client_create, end_of_day
from jeugdregie.core.commands import command_date
from jeugdregie.core.errors import validation_messages


def _errors(error: ValidationError) -> str:
    return " ".join(validation_messages(error))


class Command(BaseCommand):
    help = (
        "Register an API client of one organisation and print its token (once; only a hash "
        "is stored). The client calls the API with `Authorization: Bearer <token>` as a "
        f"service user of the organisation. Scopes: {', '.join(Scope.values)}."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", required=True, help="organisation code or id")
        parser.add_argument("--name", required=True, help="name of the client's software")
        parser.add_argument(
            "--scopes", required=True, help="comma-separated, e.g. aanbieders:lezen,jeugdigen:lezen"
        )
        parser.add_argument("--role", help="role of the service user; default: by organisation")
        parser.add_argument("--expires", help="last day the token works, YYYY-MM-DD")
        parser.add_argument("--actor", help="username of the person registering (change log)")

    def handle(self, *args: Any, **options: Any) -> None:
        last_day = command_date(options["expires"], option="--expires")
        organisation = organisation_by_reference(options["organisation"])
        if organisation is None:
            raise CommandError(f"Onbekende organisatie '{options['organisation']}'.")
        actor = None
        if options["actor"]:
            actor = User.objects.filter(username=options["actor"]).first()
            if actor is None:
                raise CommandError(f"Onbekende gebruiker '{options['actor']}'.")
        expires_at = end_of_day(last_day) if last_day is not None else None
        try:
            registration = api_client_create(
                actor=actor,
                organisation=organisation,
                name=options["name"],
                scopes=options["scopes"].split(","),
                role=options["role"],
                expires_at=expires_at,
            )
        except ValidationError as error:
            raise CommandError(_errors(error)) from error
        client = registration.client
        self.stdout.write(
            f"API-client {client.pk} '{client.name}' van {organisation.name} geregistreerd "
            f"(servicegebruiker {client.service_user.username}, rol {client.service_user.role}, "
            f"scopes {', '.join(client.scopes)})."
        )
        self.stdout.write("Token (wordt maar één keer getoond, bewaar het veilig):")
        self.stdout.write(registration.token)
