# SPDX-License-Identifier: EUPL-1.2
"""Anonymising the afwegingskader cases of a youth whose retention period passed: the free
text that can describe the youth's situation goes, every answer, outcome and amount stays (the
overviews keep counting). Public through ``casetable.services``."""

import json

from django.db import transaction

from jeugdregie.casetable.models import AgendaItem, Case

__all__ = ["cases_anonymise"]


def _without_motivations(facts_json: str) -> str:
    facts = json.loads(facts_json or "{}")
    for value in facts.values():
        if isinstance(value, dict) and "motivation" in value:
            value["motivation"] = ""
    return json.dumps(facts, sort_keys=True)


@transaction.atomic
def cases_anonymise(*, youth_id: int) -> int:
    """Clear the free text of the youth's cases and their agenda items; the number of cases."""
    cases = list(Case.objects.filter(youth_id=youth_id).select_for_update(of=("self",)))
    for case in cases:
        case.decision_motivation = ""
        case.comparable_tariff_override = ""
        case.facts_json = _without_motivations(case.facts_json)
        case.save(update_fields=["decision_motivation", "comparable_tariff_override", "facts_json"])
    for item in AgendaItem.objects.filter(case__youth_id=youth_id).select_for_update(of=("self",)):
        item.motivation = ""
        item.save(update_fields=["motivation"])
    return len(cases)
