# SPDX-License-Identifier: EUPL-1.2
"""``jeugdregie ijw_validate PATH... [--json]``: check iJw messages, without a database."""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

import ijw
from ijw.schema import SchemaUnavailableError

EXIT_INVALID = 1
EXIT_UNREADABLE = 2


@dataclass
class _Result:
    file: str
    message_type: str | None = None
    valid: bool = False
    findings: list[dict[str, object]] = field(default_factory=list)
    readable: bool = True

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "message_type": self.message_type,
            "valid": self.valid,
            "findings": self.findings,
        }


def _files(paths: list[str]) -> list[Path]:
    """Files as given, and every ``*.xml`` below a folder (sorted)."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(
                sorted(
                    candidate
                    for candidate in path.rglob("*")
                    if candidate.is_file() and candidate.suffix.lower() == ".xml"
                )
            )
        else:
            found.append(path)
    return found


class Command(BaseCommand):
    help = (
        "Check iJw 3.2 messages (files, or folders searched for *.xml) against the standard: "
        "XML hardening, schema-level checks and the in-message rules; with IJW_XSD_DIR set, "
        "also against the official XSD files. Needs no database. Exit status 0: all valid; "
        "1: a message has findings (warnings for process rules do not count); 2: a file "
        "cannot be read."
    )
    requires_system_checks: list[str] = []  # no database, no checks needed

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="file or folder")
        parser.add_argument("--json", action="store_true", help="a JSON list, one item per file")
        parser.add_argument(
            "--xsd-dir", default=None, help="official XSD folder (default: IJW_XSD_DIR)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        xsd_dir = options["xsd_dir"] if options["xsd_dir"] is not None else settings.IJW_XSD_DIR
        results = [self._check(path, xsd_dir or None) for path in _files(options["paths"])]
        if options["json"]:
            self.stdout.write(
                json.dumps([r.as_json() for r in results], ensure_ascii=False, indent=2)
            )
        else:
            self._write_text(results)
        if any(not result.readable for result in results):
            raise CommandError("Niet elk bestand is te lezen.", returncode=EXIT_UNREADABLE)
        if any(not result.valid for result in results):
            invalid = sum(not result.valid for result in results)
            raise CommandError(
                f"{invalid} van {len(results)} berichten hebben bevindingen.",
                returncode=EXIT_INVALID,
            )

    def _check(self, path: Path, xsd_dir: str | None) -> _Result:
        result = _Result(file=str(path))
        try:
            data = path.read_bytes()
        except OSError as error:
            result.readable = False
            result.findings.append(
                {
                    "code": None,
                    "rule": "BESTAND",
                    "location": str(path),
                    "message": f"Bestand niet te lezen: {error.strerror or error}.",
                }
            )
            return result
        try:
            validation = ijw.validate(data, max_bytes=settings.IJW_MAX_BYTES, xsd_dir=xsd_dir)
        except SchemaUnavailableError as error:
            raise CommandError(
                f"IJW_XSD_DIR is niet bruikbaar: {error}", returncode=EXIT_UNREADABLE
            ) from error
        result.message_type = validation.message_type.value if validation.message_type else None
        result.valid = validation.valid
        result.findings = [finding.as_json() for finding in validation.findings]
        return result

    def _write_text(self, results: list[_Result]) -> None:
        for result in results:
            if not result.readable:
                status = "ONLEESBAAR"
            else:
                status = "GELDIG" if result.valid else "ONGELDIG"
            self.stdout.write(f"{status:10} {result.message_type or '-':6} {result.file}")
            for finding in result.findings:
                line = f"regel {finding.get('line')}, " if finding.get("line") else ""
                code = finding["code"] or "-"
                warning = " (waarschuwing)" if finding.get("severity") == "waarschuwing" else ""
                self.stdout.write(
                    f"    [{finding['rule']}/{code}]{warning} {line}{finding['location']}: "
                    f"{finding['message']}"
                )
        valid = sum(result.valid for result in results)
        self.stdout.write(f"{valid} van {len(results)} berichten geldig.")
