# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdregie.core import crypto
from jeugdregie.core.keys import DEFAULT_BATCH_SIZE, keys_rotate


class Command(BaseCommand):
    help = (
        "Re-encrypts every encrypted value with the newest key (the first of "
        "JEUGDREGIE_ENCRYPTION_KEYS) and recomputes every blind index with the newest "
        "blind-index key, in batches, each batch in its own transaction. An interrupted run "
        "continues where it stopped when started again. Afterwards the old keys can be "
        "removed from the environment."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"rows per transaction (default {DEFAULT_BATCH_SIZE})",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="only count what would be rewritten"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        batch_size: int = options["batch_size"]
        dry_run: bool = options["dry_run"]
        if batch_size < 1:
            raise CommandError("--batch-size moet minstens 1 zijn.")
        crypto.keys_load()
        verbosity: int = options["verbosity"]

        def progress(model: str, rows: int) -> None:
            if verbosity > 1:
                self.stdout.write(f"  {model}: {rows} rijen verwerkt")

        counts = keys_rotate(batch_size=batch_size, dry_run=dry_run, progress=progress)
        verb = "zou opnieuw schrijven" if dry_run else "opnieuw geschreven"
        for count in counts:
            self.stdout.write(f"{count.model}.{count.field}: {count.count} waarde(n) {verb}")
        total = sum(count.count for count in counts)
        if dry_run:
            self.stdout.write(f"Proefdraai: {total} waarde(n) zouden opnieuw geschreven worden.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {total} waarde(n) opnieuw geschreven. Alles is nu versleuteld met de "
                "nieuwste sleutel en de blinde indexen zijn berekend met de nieuwste "
                "blinde-indexsleutel; de oude sleutels kunnen uit de omgeving "
                "(JEUGDREGIE_ENCRYPTION_KEYS, JEUGDREGIE_BLIND_INDEX_KEYS) worden verwijderd."
            )
        )
