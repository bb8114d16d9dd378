# SPDX-License-Identifier: EUPL-1.2
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdregie.audit.constants import Log
from jeugdregie.audit.models import AccessRecord, ChangeRecord
from jeugdregie.audit.verification import LogReport, log_verify

MODELS = {Log.ACCESS: AccessRecord, Log.CHANGE: ChangeRecord}
NAMES = {Log.ACCESS: "Toegangslog", Log.CHANGE: "Wijzigingslog"}


def _expectations(values: list[str]) -> dict[str, dict[int, str]]:
    expect: dict[str, dict[int, str]] = {log: {} for log in MODELS}
    for value in values:
        log, _, rest = value.partition(":")
        seq, _, digest = rest.partition(":")
        if log not in expect or not seq.isdigit() or len(digest) != 64:
            raise CommandError(
                f"--verwacht '{value}': gebruik LOG:VOLGNUMMER:HASH, LOG is access of change."
            )
        expect[log][int(seq)] = digest
    return expect


def _line(report: LogReport) -> str:
    name = NAMES[Log(report.log)]
    start = (
        f"vanaf checkpoint {report.start_seq} (records vóór {report.checkpoint.before:%d-%m-%Y})"
        if report.checkpoint is not None
        else "vanaf het begin"
    )
    if report.problem is not None:
        return (
            f"{name}: BREUK bij record {report.problem.seq}: {report.problem.message} "
            f"({report.count} records in orde {start})."
        )
    return (
        f"{name}: in orde, {report.count} records gecontroleerd {start}; "
        f"laatste record {report.last_seq}, hash {report.last_hash}."
    )


class Command(BaseCommand):
    help = (
        "Checks the hash chains of the access log and the change log: every record's hash is "
        "recomputed from the start or the latest checkpoint. Reports the first gap or changed "
        "record per log and exits with 1 on a break, 0 otherwise."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="the result as JSON")
        parser.add_argument(
            "--verwacht",
            action="append",
            default=[],
            metavar="LOG:SEQ:HASH",
            help="a record noted earlier (e.g. the last one of a previous run): it must still "
            "be there with this hash, so a log cut short is detected too. Repeatable.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        expect = _expectations(options["verwacht"])
        reports = [log_verify(model, expect=expect[log]) for log, model in MODELS.items()]
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    [
                        {
                            "log": r.log,
                            "ok": r.ok,
                            "checkpoint": r.start_seq if r.checkpoint is not None else None,
                            "checked": r.count,
                            "last_seq": r.last_seq,
                            "last_hash": r.last_hash,
                            "problem": None
                            if r.problem is None
                            else {
                                "seq": r.problem.seq,
                                "kind": r.problem.kind,
                                "message": r.problem.message,
                            },
                        }
                        for r in reports
                    ],
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            for report in reports:
                self.stdout.write(_line(report))
        if not all(r.ok for r in reports):
            raise CommandError("De keten van het auditlog is gebroken.", returncode=1)
