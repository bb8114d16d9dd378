# SPDX-License-Identifier: EUPL-1.2
"""``jeugdregie ijw_export --outbox DIR``: write every pending outgoing message as a file."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from jeugdregie.messaging.services.outbox import outbox_export


class Command(BaseCommand):
    help = (
        "Write every outgoing iJw message not exported before to DIR, one file each, named "
        "<type>_<sender>_<recipient>_<Identificatie>.xml, and mark it exported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--outbox", required=True, metavar="DIR", help="target folder")

    def handle(self, *args: Any, **options: Any) -> None:
        written = outbox_export(folder=Path(options["outbox"]))
        for path in written:
            self.stdout.write(str(path))
        self.stdout.write(f"{len(written)} bericht(en) geëxporteerd.")
