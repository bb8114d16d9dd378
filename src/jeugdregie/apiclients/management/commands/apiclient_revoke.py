# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdregie.accounts.models import User
from jeugdregie.apiclients.selectors import api_client_by_reference
from jeugdregie.apiclients.services import api_client_revoke


class Command(BaseCommand):
    help = "Revoke an API client's token; its next request is refused (401)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("client", help="token prefix or id of the client")
        parser.add_argument("--actor", help="username of the person revoking (change log)")

    def handle(self, *args: Any, **options: Any) -> None:
        client = api_client_by_reference(options["client"])
        if client is None:
            raise CommandError(f"Onbekende API-client '{options['client']}'.")
        actor = None
        if options["actor"]:
            actor = User.objects.filter(username=options["actor"]).first()
            if actor is None:
                raise CommandError(f"Onbekende gebruiker '{options['actor']}'.")
        try:
            client = api_client_revoke(actor=actor, client=client)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            f"API-client {client.pk} '{client.name}' ingetrokken op {client.revoked_at}."
        )
