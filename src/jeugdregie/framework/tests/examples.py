# SPDX-License-Identifier: EUPL-1.2
"""Case-file helpers for the framework tests: the spec §8 example case and parsing."""

import copy
from typing import Any

from jeugdregie.framework.engine import Case, default_registry, parse_case

SPEC_EXAMPLE: dict[str, Any] = {
    "case_id": "HET-2022-014",
    "facts": {
        "kind": "light_contract",
        "request_date": "2022-03-14",
        "care_setting": "ambulant",
        "care_start_date": "2022-04-01",
        "client_birth_date": "2012-05-02",
        "exception_grounds": [],
        "acute_crisis_or_serious_harm": {
            "value": True,
            "recorded_by_role": "expert_team",
            "motivation": "escalation at school, risk of placement",
        },
        "contracted_offer_available": False,
        "contracted_providers_contacted": True,
        "subcontracting_attempted": False,
        "bridging_care_possible": False,
        "pgb_possible": False,
        "care_abroad": False,
        "tariff": "68.50",
        "comparable_contracted_tariff": "72.00",
        "stacking": False,
        "content_proportional": {
            "value": True,
            "recorded_by_role": "expert_team",
            "motivation": "prevents out-of-home placement",
        },
        "annual_cost": "21000.00",
        "route": "expert_team",
    },
}


def case_data(case_id: str = "HET-2022-014", drop: tuple[str, ...] = (), **facts: Any) -> Any:
    """The spec example with facts replaced (`None` removes one) and `drop` removed."""
    data = copy.deepcopy(SPEC_EXAMPLE)
    data["case_id"] = case_id
    for fact_id in drop:
        data["facts"].pop(fact_id, None)
    for fact_id, value in facts.items():
        if value is None:
            data["facts"].pop(fact_id, None)
        else:
            data["facts"][fact_id] = value
    return data


def as_case(data: dict) -> Case:
    registry = default_registry()
    return parse_case(data, registry.vocabulary, registry.ground_ids)


def settled(value: Any) -> dict:
    return {"value": value, "recorded_by_role": "expert_team", "motivation": "besproken aan tafel"}
