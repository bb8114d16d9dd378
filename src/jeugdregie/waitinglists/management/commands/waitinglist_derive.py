# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.core.management.base import BaseCommand

from jeugdregie.waitinglists.derivation import waiting_entries_derive


class Command(BaseCommand):
    help = (
        "Put youth with an open request for allocation (JW315) or an allocation whose care "
        "has not started on the waiting list, and close such entries when care starts, the "
        "request is rejected or the allocation ends. Idempotent: run it nightly."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = waiting_entries_derive()
        self.stdout.write(
            f"Wachtlijst afgeleid: {result.created} nieuw, {result.linked} gekoppeld, "
            f"{result.closed} afgemeld, {len(result.skipped)} overgeslagen."
        )
        for line in result.skipped:
            self.stdout.write(f"  overgeslagen: {line}")
