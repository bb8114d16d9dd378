# SPDX-License-Identifier: EUPL-1.2
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from jeugdregie.apiclients.models import ApiClient
from jeugdregie.apiclients.selectors import api_clients_all


def _when(value: object) -> str | None:
    return None if value is None else str(value)


def _row(client: ApiClient) -> dict[str, Any]:
    return {
        "id": client.pk,
        "prefix": client.prefix,
        "name": client.name,
        "organisation": client.organisation.name,
        "region": client.organisation.region.code,
        "service_user": client.service_user.username,
        "role": client.service_user.role,
        "scopes": client.scopes,
        "created_at": _when(client.created_at),
        "created_by": client.created_by.username if client.created_by else None,
        "expires_at": _when(client.expires_at),
        "last_used_at": _when(client.last_used_at),
        "revoked_at": _when(client.revoked_at),
        "revoked_by": client.revoked_by.username if client.revoked_by else None,
    }


class Command(BaseCommand):
    help = "List the registered API clients (never their tokens)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", help="region code")
        parser.add_argument("--all", action="store_true", help="also revoked clients")
        parser.add_argument("--json", action="store_true", help="a JSON list")

    def handle(self, *args: Any, **options: Any) -> None:
        clients = api_clients_all()
        if options["region"]:
            clients = clients.filter(organisation__region__code=options["region"])
        if not options["all"]:
            clients = clients.filter(revoked_at__isnull=True)
        rows = [_row(client) for client in clients]
        if options["json"]:
            self.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        if not rows:
            self.stdout.write("Geen API-clients.")
        for row in rows:
            state = "ingetrokken" if row["revoked_at"] else "actief"
            self.stdout.write(
                f"{row['id']:>4} {row['prefix']}  {state:<11} {row['organisation']} / "
                f"{row['name']}  scopes={','.join(row['scopes'])}  "
                f"laatst gebruikt={row['last_used_at'] or '-'}  verloopt={row['expires_at'] or '-'}"
            )
