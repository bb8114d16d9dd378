# SPDX-License-Identifier: EUPL-1.2
"""``jeugdregie ijw_import PATH... [--json]``: receive and process iJw messages."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

import ijw
from jeugdregie.messaging.management.commands.ijw_validate import _files
from jeugdregie.messaging.services.inbox import import_run, message_receive


def _retour_codes(data: bytes) -> list[str]:
    message, _findings = ijw.parse(data)
    codes = getattr(message.header, "retour_codes", []) if message is not None else []
    return [str(code) for code in codes]


class Command(BaseCommand):
    help = (
        "Receive iJw messages (files, or folders searched for *.xml): inbox, checks, domain "
        "effects and the retour, one transaction per message. A file imported before (same "
        "path and bytes) is skipped, so an interrupted import can simply be run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="file or folder")
        parser.add_argument("--json", action="store_true", help="a JSON list, one item per file")

    def handle(self, *args: Any, **options: Any) -> None:
        results: list[dict[str, Any]] = []
        with import_run():
            self._import(_files(options["paths"]), results, as_json=options["json"])
        if options["json"]:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))

    def _import(self, paths: list[Path], results: list[dict[str, Any]], *, as_json: bool) -> None:
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError as error:
                raise CommandError(f"{path}: {error.strerror}") from error
            received = message_receive(data=data, source=str(Path(path).resolve()))
            inbox, retour = received.inbox, received.retour
            result = {
                "file": str(path),
                "message_type": inbox.message_type or None,
                "identificatie": inbox.identificatie or None,
                "outcome": inbox.status if received.new else "already_imported",
                "retour": (
                    {
                        "message_type": retour.message_type,
                        "identificatie": retour.identificatie,
                        "codes": _retour_codes(bytes(retour.data)),
                    }
                    if retour is not None
                    else None
                ),
            }
            results.append(result)
            if not as_json:
                self.stdout.write(self._line(result))

    @staticmethod
    def _line(result: dict[str, Any]) -> str:
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
