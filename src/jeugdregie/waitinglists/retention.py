# SPDX-License-Identifier: EUPL-1.2
"""Anonymising waiting-list entries whose retention period passed: the name, BSN and day of
birth as submitted and the notes go; dates, provider, lot and outflow reason stay (the
waiting-time figures keep counting). Public through ``waitinglists.services``."""

from collections.abc import Iterable

from django.db import transaction

from jeugdregie.waitinglists.models import WaitingEntry

__all__ = ["waiting_entries_anonymise"]


@transaction.atomic
def waiting_entries_anonymise(*, entry_ids: Iterable[int]) -> int:
    """Clear what identifies the youth on each entry; the number of entries changed."""
    changed = 0
    for entry in WaitingEntry.objects.filter(pk__in=list(entry_ids)).select_for_update(
        of=("self",)
    ):
        entry.submitted_bsn = ""
        entry.submitted_bsn_index = ""
        entry.submitted_given_name = ""
        entry.submitted_family_name = ""
        entry.submitted_birth_date = ""
        entry.bridging_note = ""
        entry.outflow_note = ""
        entry.save(
            update_fields=[
                "submitted_bsn",
                "submitted_bsn_index",
                "submitted_given_name",
                "submitted_family_name",
                "submitted_birth_date",
                "bridging_note",
                "outflow_note",
            ]
        )
        changed += 1
    return changed
