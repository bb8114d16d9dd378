# SPDX-License-Identifier: EUPL-1.2
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdregie.framework.engine import VersionError
from jeugdregie.framework.selectors import impact_report


class Command(BaseCommand):
    help = (
        "Re-evaluate every stored case (the latest receipt per case id) under two rule set "
        "versions, regardless of request date, and report the changed outcomes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="from_version", required=True, help="e.g. 2020-08")
        parser.add_argument("--to", dest="to_version", required=True, help="e.g. 2022-01")
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = impact_report(
                from_version=options["from_version"], to_version=options["to_version"]
            )
        except VersionError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if options["json"]:
            self.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"Afwegingskader {report.from_version} -> {report.to_version}: "
            f"{report.total} casussen, {len(report.changed)} met een andere uitkomst, "
            f"{report.unchanged} gelijk."
        )
        for (old, new), count in sorted(report.transitions.items()):
            self.stdout.write(f"  {old} -> {new}: {count}")
        for row in report.changed:
            note = "; ".join(e for e in (row.from_error, row.to_error) if e)
            self.stdout.write(
                f"{row.case_id}: {row.from_outcome or 'niet te beoordelen'} -> "
                f"{row.to_outcome or 'niet te beoordelen'}" + (f" ({note})" if note else "")
            )
