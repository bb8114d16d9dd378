# SPDX-License-Identifier: EUPL-1.2
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdregie.framework.engine import (
    CaseFileError,
    Evaluation,
    EvaluationError,
    VersionError,
    default_registry,
    evaluate,
    load_case_file,
)
from jeugdregie.framework.services import receipt_record

BAD_INPUT = 2
OUTCOME_TEXT = {
    "uitzondering": "toegestaan via uitzondering",
    "voldaan": "aan alle eisen voldaan; contractbeheer kan het contract sluiten",
    "afgewezen": "afgewezen",
    "onvoldoende_informatie": "onvoldoende informatie",
    "voorleggen": "voorleggen aan de expertisetafel",
}
STATE_TEXT = {"true": "ja", "false": "nee", "unknown": "onbekend"}


def _text(evaluation: Evaluation) -> list[str]:
    result = evaluation.to_json()
    lines = [
        f"Casus {result['case_id']} - afwegingskader versie {result['version']}",
        f"Uitkomst: {result['outcome']} ({OUTCOME_TEXT[result['outcome']]})",
    ]
    if result["exceptions"]:
        lines.append(f"Uitzonderingsgronden: {', '.join(result['exceptions'])}")
    if result["reasons"]:
        lines.append(f"Redenen: {', '.join(result['reasons'])}")
    for fact_id, question in evaluation.question_texts():
        lines.append(f"Vraag ({fact_id}): {question}")
    if result["signals"]:
        lines.append(f"Signalen: {', '.join(result['signals'])}")
    lines.append("Toetsing:")
    for entry in evaluation.trace:
        used = ", ".join(
            f"{f.fact}={'onbekend' if f.value is None else f.value}"
            + (f" ({f.recorded_by_role})" if f.recorded_by_role else "")
            + (" [oordeel nog niet vastgesteld]" if f.pending else "")
            for f in entry.facts
        )
        pending = " (voorlopig)" if entry.pending else ""
        lines.append(
            f"  {entry.rule_id} {entry.label}: {STATE_TEXT[entry.value]}{pending}"
            f" - {used or 'geen feiten'} - bron: {entry.source}"
        )
    return lines


class Command(BaseCommand):
    help = (
        "Evaluate one case file (afwegingskader.md §8) under the rule set version of its "
        "request date and print the outcome, exceptions, reasons, questions, signals and "
        "trace. Nothing is stored unless --record is given. Exit code 2 on a bad file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("case_file", help="a JSON case file")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")
        parser.add_argument(
            "--record", action="store_true", help="store an evaluation receipt (append-only)"
        )
        parser.add_argument(
            "--ruleset-version", dest="ruleset_version", help="evaluate under this version instead"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        registry = default_registry()
        try:
            case = load_case_file(
                Path(options["case_file"]), registry.vocabulary, registry.ground_ids
            )
            ruleset = (
                registry.get(options["ruleset_version"]) if options["ruleset_version"] else None
            )
            evaluation = evaluate(case, ruleset, registry=registry)
        except (CaseFileError, EvaluationError, VersionError) as exc:
            raise CommandError(str(exc), returncode=BAD_INPUT) from exc
        if options["record"]:
            receipt_record(evaluation=evaluation)
        if options["json"]:
            self.stdout.write(json.dumps(evaluation.to_json(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write("\n".join(_text(evaluation)))
