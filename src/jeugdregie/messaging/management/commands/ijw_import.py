# SPDX-License-Identifier: EUPL-1.2
"""``jeugdregie ijw_import PATH... [--json] [--workers N]``: receive and process iJw
messages."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from jeugdregie.messaging.management.commands.ijw_validate import _files
from jeugdregie.messaging.services.imports import (
    ImportFileError,
    ImportResult,
    default_workers,
    files_import,
)


class Command(BaseCommand):
    help = (
        "Receive iJw messages (files, or folders searched for *.xml): inbox, checks, domain "
        "effects and the retour, one transaction per message. A file imported before (same "
        "path and bytes) is skipped, so an interrupted import can simply be run again. On "
        "PostgreSQL the files are spread per provider over worker processes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="file or folder")
        parser.add_argument("--json", action="store_true", help="a JSON list, one item per file")
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="worker processes (default: one per CPU, at most 4; always 1 on SQLite)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        workers = default_workers() if options["workers"] is None else options["workers"]
        if workers < 1:
            raise CommandError(_("--workers must be at least 1."))
        as_json = options["json"]
        try:
            results = files_import(
                _files(options["paths"]),
                workers=workers,
                progress=None if as_json else lambda result: self.stdout.write(_line(result)),
            )
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        if as_json:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))


def _line(result: ImportResult) -> str:
    retour = result["retour"]
    answer = (
        f"{retour['message_type']} {retour['identificatie']} "
        f"[{' '.join(retour['codes']) or 'geen codes'}]"
        if retour
        else "-"
    )
    return (
        f"{result['file']}: {result['message_type'] or '?'} "
        f"{result['identificatie'] or '?'} {result['outcome']} → {answer}"
    )
