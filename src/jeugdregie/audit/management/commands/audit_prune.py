# SPDX-License-Identifier: EUPL-1.2
import getpass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdregie.audit.services import logs_prune
from jeugdregie.core.commands import command_date

NAMES = {"access": "Toegangslog", "change": "Wijzigingslog"}


class Command(BaseCommand):
    help = (
        "Removes the records of the access log and the change log made before a date: the "
        "only way records leave the logs. Writes a checkpoint per log (the last removed "
        "record's sequence number and hash), which audit_verify starts from. A log whose "
        "chain is broken is not pruned."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--before", required=True, help="YYYY-MM-DD: records made before this day go"
        )
        parser.add_argument(
            "--by", default="", help="who prunes (default: the operating-system user)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        before = command_date(options["before"], option="--before")
        if before is None:
            raise CommandError("Geef --before met een datum (JJJJ-MM-DD).")
        by = options["by"] or getpass.getuser()
        try:
            checkpoints = logs_prune(before=before, by=by)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        if not checkpoints:
            self.stdout.write(f"Geen records van vóór {before:%d-%m-%Y}; niets verwijderd.")
        for checkpoint in checkpoints:
            self.stdout.write(
                f"{NAMES[checkpoint.log]}: {checkpoint.count} records verwijderd, t/m record "
                f"{checkpoint.up_to_seq} (hash {checkpoint.last_hash}); checkpoint vastgelegd."
            )
