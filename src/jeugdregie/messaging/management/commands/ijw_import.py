# SPDX-License-Identifier: EUPL-1.2
"""``jeugdregie ijw_import PATH... [--json] [--workers N] [--no-wait]`` and ``jeugdregie
ijw_import --wait-for BATCH``: receive and process iJw messages."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils.translation import gettext as _

from jeugdregie.messaging.management.commands.ijw_validate import _files
from jeugdregie.messaging.services.import_batches import (
    ImportTaskError,
    batch_enqueue,
    batch_wait,
)
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
        "PostgreSQL the files are one task per provider, run by worker processes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", metavar="PATH", help="file or folder")
        parser.add_argument("--json", action="store_true", help="a JSON list, one item per file")
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="worker processes this command starts for its tasks (default: one per CPU, "
            "at most 4); 1 imports in this process, as always on SQLite",
        )
        parser.add_argument(
            "--no-wait",
            action="store_true",
            help="only put the tasks in the queue (ijw) and print the batch's id; the "
            "running workers (jeugdregie worker --queue-name default,ijw) import them",
        )
        parser.add_argument(
            "--wait-for",
            metavar="BATCH",
            help="wait for a batch put in the queue earlier (starting --workers worker "
            "processes, and putting back tasks whose worker was killed) and print its results",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        workers = default_workers() if options["workers"] is None else options["workers"]
        if workers < 1:
            raise CommandError(_("--workers must be at least 1."))
        if bool(options["paths"]) == bool(options["wait_for"]):
            raise CommandError(_("Give the files to import, or --wait-for with a batch id."))
        self.printed = False  # each result as soon as it is there (importing here)
        try:
            if options["wait_for"]:
                results = batch_wait(batch=options["wait_for"], workers=workers)
            elif options["no_wait"]:
                self._enqueue(_files(options["paths"]), as_json=options["json"])
                return
            else:
                results = self._import(_files(options["paths"]), workers, options["json"])
        except (ImportFileError, ImportTaskError) as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
        elif not self.printed:
            for result in results:
                self.stdout.write(_line(result))

    def _import(self, paths: list[Path], workers: int, as_json: bool) -> list[ImportResult]:
        if _inline(workers) or len(paths) < 2:
            self.printed = not as_json
            progress = None if as_json else lambda result: self.stdout.write(_line(result))
            return files_import(paths, progress=progress)
        batch, _tasks = batch_enqueue(paths=paths)
        return batch_wait(batch=batch, workers=workers)

    def _enqueue(self, paths: list[Path], *, as_json: bool) -> None:
        batch, tasks = batch_enqueue(paths=paths)
        if as_json:
            self.stdout.write(json.dumps({"batch": batch, "files": len(paths), "tasks": tasks}))
        else:
            self.stdout.write(
                _("Batch %(batch)s: %(files)s file(s) in %(tasks)s task(s) in the queue.")
                % {"batch": batch, "files": len(paths), "tasks": tasks}
            )


def _inline(workers: int) -> bool:
    """Here, one file after the other: one worker asked for; SQLite (one writer at a time);
    or inside the caller's transaction, whose data a worker could not see."""
    return workers <= 1 or connection.vendor == "sqlite" or connection.in_atomic_block


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
