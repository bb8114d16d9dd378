# SPDX-License-Identifier: EUPL-1.2
"""Case tables for both rule set versions: one row per case with the expected outcome,
exceptions and reasons. Together the rows show every exception and every requirement of
every version true, false and unknown (checked by the coverage test)."""

from collections.abc import Iterable, Mapping

from jeugdregie.framework.engine import Evaluation, Registry, evaluate
from jeugdregie.framework.tests.case_rows import (
    BASE_2020,
    BASE_2022,
    CORRECTED_2020,
    CORRECTED_2022,
    NOTHING_2020,
    NOTHING_2022,
    OVERRUN_2022,
    Row,
)
from jeugdregie.framework.tests.case_rows import (
    with_facts as _with,
)
from jeugdregie.framework.tests.examples import as_case, settled

ROWS_2022 = [
    Row("all requirements met", BASE_2022, "voldaan"),
    Row(
        "nothing known but kind and date",
        NOTHING_2022,
        "onvoldoende_informatie",
    ),
    Row(
        "exception grounds not stated, requirements met",
        _with(BASE_2022, exception_grounds=None),
        "voldaan",
    ),
    # every exception true
    Row("school partner", _with(BASE_2022, school_partner_provider=True), "uitzondering", ("U01",)),
    Row(
        "court ruling 5 months ago",
        _with(BASE_2022, court_ruling_date="2021-10-01"),
        "uitzondering",
        ("U02",),
        signals=("priority_court_ruling",),
    ),
    Row("foster care", _with(BASE_2022, foster_care=True), "uitzondering", ("U03",)),
    Row("forensic care", _with(BASE_2022, forensic_care=True), "uitzondering", ("U04",)),
    Row("school absence", _with(BASE_2022, prevents_school_absence=True), "uitzondering", ("U05",)),
    Row("cluster 3", _with(BASE_2022, special_education_cluster="3"), "uitzondering", ("U06",)),
    Row("care by a GI", _with(BASE_2022, care_by_gi=True), "uitzondering", ("U07",)),
    Row("LTA", _with(BASE_2022, lta_care=True), "uitzondering", ("U08",)),
    Row("JeugdzorgPlus", _with(BASE_2022, jeugdzorgplus=True), "uitzondering", ("U09",)),
    Row("existing client", _with(BASE_2022, existing_client=True), "uitzondering", ("U10",)),
    Row(
        "young child",
        _with(BASE_2022, client_birth_date="2016-06-01"),
        "uitzondering",
        ("U11",),
        signals=("young_child",),
    ),
    Row(
        "culture-specific (claimed)",
        _with(BASE_2022, exception_grounds=["U12"]),
        "uitzondering",
        ("U12",),
    ),
    Row(
        "small-scale living",
        _with(BASE_2022, small_scale_residential=True),
        "uitzondering",
        ("U13",),
    ),
    Row("mother-child house", _with(BASE_2022, mother_child_house=True), "uitzondering", ("U14",)),
    Row("cluster 4", _with(BASE_2022, special_education_cluster="4"), "uitzondering", ("U15",)),
    Row(
        "one family one plan", _with(BASE_2022, one_family_one_plan=True), "uitzondering", ("U16",)
    ),
    Row(
        "niche care (claimed)",
        _with(BASE_2022, exception_grounds=["U17", "U03"]),
        "uitzondering",
        ("U03", "U17"),
    ),
    *CORRECTED_2022,
    Row(
        "moved during a 10-month trajectory",
        _with(BASE_2022, moved_during_trajectory=True, trajectory_months=10),
        "uitzondering",
        ("U18",),
    ),
    # every requirement false
    Row(
        "no acute crisis (settled)",
        _with(BASE_2022, acute_crisis_or_serious_harm=settled(False)),
        "afgewezen",
        reasons=("I2",),
    ),
    Row(
        "contracted offer available",
        _with(BASE_2022, contracted_offer_available=True),
        "afgewezen",
        reasons=("I3",),
    ),
    Row(
        "bridging possible",
        _with(BASE_2022, bridging_care_possible=True),
        "afgewezen",
        reasons=("I4",),
    ),
    Row(
        "PGB possible (ambulant)", _with(BASE_2022, pgb_possible=True), "afgewezen", reasons=("I5",)
    ),
    Row(
        "PGB possible but residential with return plan",
        _with(BASE_2022, pgb_possible=True, care_setting="verblijf", return_plan=True),
        "voldaan",
    ),
    Row("care abroad", _with(BASE_2022, care_abroad=True), "voorleggen", reasons=("I6",)),
    Row(
        "residential without return plan",
        _with(
            BASE_2022,
            care_setting="verblijf",
            return_plan=False,
            perspective_offering_placement=False,
        ),
        "voorleggen",
        reasons=("I7",),
    ),
    Row(
        "residential, perspective-offering placement",
        _with(
            BASE_2022,
            care_setting="verblijf",
            return_plan=False,
            perspective_offering_placement=True,
        ),
        "voldaan",
    ),
    Row(
        "residential, return plan unknown",
        _with(BASE_2022, care_setting="verblijf"),
        "onvoldoende_informatie",
    ),
    Row(
        "providers not contacted",
        _with(BASE_2022, contracted_providers_contacted=False),
        "afgewezen",
        reasons=("P1",),
    ),
    Row(
        "not proportional (settled)",
        _with(BASE_2022, content_proportional=settled(False)),
        "voorleggen",
        reasons=("P2a",),
    ),
    Row(
        "tariff above contracted, no savings",
        _with(BASE_2022, tariff="80.00", prevents_higher_costs=False),
        "voorleggen",
        reasons=("P2b",),
    ),
    Row(
        "tariff above contracted, prevents higher costs",
        _with(BASE_2022, tariff="80.00", prevents_higher_costs=True),
        "voldaan",
    ),
    Row(
        "stacking not justified (settled)",
        _with(BASE_2022, stacking=True, stacking_justified=settled(False)),
        "afgewezen",
        reasons=("P2c",),
        signals=("stacking_justification_needed",),
    ),
    Row(
        "stacking justified by the referrer only",
        _with(BASE_2022, stacking=True, stacking_justified=True),
        "voorleggen",
        reasons=("P2c",),
        signals=("stacking_justification_needed",),
    ),
    Row(
        "expensive care without evaluation moments",
        _with(BASE_2022, annual_cost="150000.00", evaluation_moments_agreed=False),
        "voorleggen",
        reasons=("P2d",),
        signals=("evaluation_required",),
    ),
    Row(
        "retroactive without GI determination",
        _with(BASE_2022, care_start_date="2022-03-01", gi_determination=False),
        "afgewezen",
        reasons=("P4",),
    ),
    Row(
        "two rejections and a referral all listed",
        _with(
            BASE_2022,
            care_abroad=True,
            bridging_care_possible=True,
            contracted_providers_contacted=False,
        ),
        "afgewezen",
        reasons=("I4", "I6", "P1"),
    ),
    Row(
        "referred by a GP",
        _with(BASE_2022, referrer_type="02"),
        "voldaan",
        signals=("gp_direct_access",),
    ),
    # ceiling overrun: I5, P2b, P4 do not apply; only U02, U10, U11 do
    Row(
        "overrun with PGB, high tariff and retroactive start",
        _with(OVERRUN_2022, pgb_possible=True, tariff="99.00", care_start_date="2022-01-01"),
        "voldaan",
    ),
    Row(
        "overrun claiming a school partner",
        _with(OVERRUN_2022, exception_grounds=["U01"]),
        "voldaan",
    ),
    Row(
        "overrun for an existing client",
        _with(OVERRUN_2022, existing_client=True),
        "uitzondering",
        ("U10",),
    ),
    Row(
        "kind unknown: PGB possible",
        _with(BASE_2022, kind=None, pgb_possible=True),
        "onvoldoende_informatie",
    ),
]

ROWS_2020 = [
    *CORRECTED_2020,
    Row("all requirements met", BASE_2020, "voldaan"),
    Row("nothing known but kind and date", NOTHING_2020, "onvoldoende_informatie"),
    Row("school partner", _with(BASE_2020, school_partner_provider=True), "uitzondering", ("U01",)),
    Row(
        "court ruling 4 months ago",
        _with(BASE_2020, court_ruling_date="2020-11-14"),
        "uitzondering",
        ("U02",),
        signals=("priority_court_ruling",),
    ),
    Row("moved (claimed)", _with(BASE_2020, exception_grounds=["U18"]), "uitzondering", ("U18",)),
    Row(
        "foster care is no ground yet",
        _with(BASE_2020, exception_grounds=None, foster_care=True),
        "voldaan",
    ),
    Row("ambulant", _with(BASE_2020, care_setting="ambulant"), "afgewezen", reasons=("I1",)),
    Row(
        "no acute crisis (settled)",
        _with(BASE_2020, acute_crisis_or_serious_harm=settled(False)),
        "afgewezen",
        reasons=("I2",),
    ),
    Row(
        "contracted offer available",
        _with(BASE_2020, contracted_offer_available=True),
        "afgewezen",
        reasons=("I3",),
    ),
    Row(
        "bridging possible",
        _with(BASE_2020, bridging_care_possible=True),
        "afgewezen",
        reasons=("I4",),
    ),
    Row(
        "ambulant with PGB possible",
        _with(BASE_2020, care_setting="ambulant", pgb_possible=True),
        "afgewezen",
        reasons=("I1", "I5"),
    ),
    Row("care abroad", _with(BASE_2020, care_abroad=True), "voorleggen", reasons=("I6",)),
    Row(
        "residential, perspective placement does not count yet",
        _with(BASE_2020, return_plan=False, perspective_offering_placement=True),
        "voorleggen",
        reasons=("I7",),
    ),
    Row(
        "providers not contacted",
        _with(BASE_2020, contracted_providers_contacted=False),
        "afgewezen",
        reasons=("P1",),
    ),
    Row(
        "no subcontracting attempt",
        _with(BASE_2020, subcontracting_attempted=False),
        "afgewezen",
        reasons=("P1b",),
    ),
    Row(
        "not proportional (settled)",
        _with(BASE_2020, content_proportional=settled(False)),
        "voorleggen",
        reasons=("P2a",),
    ),
    Row(
        "tariff above contracted, no savings",
        _with(BASE_2020, tariff="72.01", prevents_higher_costs=False),
        "voorleggen",
        reasons=("P2b",),
    ),
    Row(
        "stacking not justified (settled)",
        _with(BASE_2020, stacking=True, stacking_justified=settled(False)),
        "afgewezen",
        reasons=("P2c",),
        signals=("stacking_justification_needed",),
    ),
    Row(
        "expensive care without evaluation moments",
        _with(BASE_2020, annual_cost="100000.00", evaluation_moments_agreed=False),
        "voorleggen",
        reasons=("P2d",),
        signals=("evaluation_required",),
    ),
    Row(
        "retroactive without GI determination",
        _with(BASE_2020, care_start_date="2021-01-01", gi_determination=False),
        "afgewezen",
        reasons=("P4",),
    ),
    Row(
        "retroactive, GI determination unknown, no exceptions stated",
        _with(BASE_2020, care_start_date="2021-01-01", exception_grounds=None),
        "onvoldoende_informatie",
    ),
]

CASE_TABLES: dict[str, list[Row]] = {"2022-01": ROWS_2022, "2020-08": ROWS_2020}


def evaluate_row(registry: Registry, version: str, row: Row) -> Evaluation:
    case = as_case({"case_id": row.name, "facts": row.facts})
    return evaluate(case, registry.get(version))


def states_seen(
    registry: Registry, tables: Mapping[str, Iterable[Row]]
) -> dict[tuple[str, str], set[str]]:
    """(version, rule id) -> the states (true/false/unknown) the rows showed it in."""
    seen: dict[tuple[str, str], set[str]] = {
        (ruleset.version, rule.id): set() for ruleset in registry.rulesets for rule in ruleset.rules
    }
    for version, rows in tables.items():
        for row in rows:
            evaluation = evaluate_row(registry, version, row)
            for state in evaluation.states:
                value = "unknown" if state.value is None else str(state.value).lower()
                seen[version, state.rule.id].add(value)
    return seen


def coverage_gaps(seen: dict[tuple[str, str], set[str]]) -> list[str]:
    return [
        f"{version} {rule_id}: never {state}"
        for (version, rule_id), states in sorted(seen.items())
        for state in ("true", "false", "unknown")
        if state not in states
    ]
