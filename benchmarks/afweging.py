# SPDX-License-Identifier: EUPL-1.2
"""Afwegingskader benchmark (not part of the test run): writes benchmarks/results/afweging.json.

1. Evaluations per second on one core: the process is pinned to one CPU (where the OS
   allows) and evaluates a fixed mix of generated cases (full, partial and nearly empty
   case files of both versions, so questions are computed too) for --seconds seconds.
2. The impact report over 10,000 stored cases: a fresh SQLite database under
   var/bench/afweging.sqlite3 is migrated, 10,000 generated cases are evaluated and their
   receipts stored, then `impact_report(from 2020-08, to 2022-01)` (what
   `jeugdregie afweging_impact` runs) is timed: every latest receipt re-evaluated under both
   versions.
Targets (issue 5): >= 2,000 evaluations per second; impact over 10,000 cases < 30 s. Usage:
    python benchmarks/afweging.py [--cases 10000] [--seconds 5]
"""

import argparse
import datetime as dt
import json
import os
import platform
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
BENCH_DIR = ROOT / "var" / "bench"
TARGETS = {"evaluations_per_second": 2000, "impact_seconds_10000_cases": 30.0}
SEED = 20220101


def _case_data(rng: random.Random, number: int) -> dict[str, Any]:
    """A plausible generated case: the usual facts, each known with some probability."""
    request = dt.date(2020, 8, 20) + dt.timedelta(days=rng.randrange(0, 3 * 365))
    facts: dict[str, Any] = {
        "kind": "ceiling_overrun"
        if request >= dt.date(2022, 1, 1) and rng.random() < 0.15
        else "light_contract",
        "request_date": request.isoformat(),
    }

    def maybe(fact: str, value: Any, known: float = 0.92) -> None:
        if rng.random() < known:
            facts[fact] = value

    setting = rng.choice(["verblijf", "ambulant", "ambulant"])
    maybe("care_setting", setting, 0.95)
    maybe("care_start_date", (request + dt.timedelta(days=rng.randrange(-60, 60))).isoformat())
    maybe(
        "client_birth_date",
        (request - dt.timedelta(days=rng.randrange(6 * 365, 18 * 365))).isoformat(),
        0.9,
    )
    maybe("exception_grounds", rng.choice([[], [], [], ["U12"], ["U13"], ["U17"]]), 0.7)
    judgement = {"value": rng.random() < 0.8, "recorded_by_role": "expert_team", "motivation": "m"}
    maybe("acute_crisis_or_serious_harm", rng.choice([judgement, judgement["value"]]))
    for fact, p_true in (
        ("contracted_offer_available", 0.1),
        ("contracted_providers_contacted", 0.95),
        ("subcontracting_attempted", 0.7),
        ("bridging_care_possible", 0.08),
        ("pgb_possible", 0.05),
        ("care_abroad", 0.03),
        ("stacking", 0.1),
        ("return_plan", 0.6),
        ("gi_determination", 0.2),
        ("existing_client", 0.1),
    ):
        maybe(fact, rng.random() < p_true)
    maybe("tariff", f"{rng.uniform(40, 120):.2f}")
    maybe("comparable_contracted_tariff", f"{rng.uniform(50, 100):.2f}")
    maybe(
        "content_proportional",
        {"value": True, "recorded_by_role": "expert_team", "motivation": "m"},
    )
    maybe("annual_cost", f"{rng.uniform(5000, 160000):.2f}")
    maybe("route", rng.choice(["expert_team", "urgent_direct"]))
    if rng.random() < 0.1:
        facts["court_ruling_date"] = (
            request - dt.timedelta(days=rng.randrange(0, 200))
        ).isoformat()
    return {"case_id": f"BENCH-{number:05d}", "facts": facts}


def _pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def measure_evaluations(seconds: float) -> dict[str, Any]:
    from jeugdregie.framework.engine import default_registry, evaluate, parse_case

    registry = default_registry()
    rng = random.Random(SEED)
    cases = [
        parse_case(_case_data(rng, n), registry.vocabulary, registry.ground_ids) for n in range(500)
    ]
    for case in cases:  # warm up
        evaluate(case)
    count = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    while (elapsed := time.perf_counter() - start) < seconds:
        for case in cases:
            evaluate(case)
        count += len(cases)
    cpu = time.process_time() - cpu_start
    outcomes: dict[str, int] = {}
    for case in cases:
        outcome = evaluate(case).outcome
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return {
        "evaluations": count,
        "seconds": round(elapsed, 2),
        "cpu_seconds": round(cpu, 2),
        # CPU time of this single-threaded process: the rate of one core, also when other
        # processes share the machine; the wall-clock rate is shown next to it.
        "evaluations_per_second": round(count / cpu),
        "evaluations_per_wall_second": round(count / elapsed),
        "distinct_cases": len(cases),
        "outcome_mix": dict(sorted(outcomes.items())),
    }


def measure_impact(cases: int) -> dict[str, Any]:
    from django.core.management import call_command

    from jeugdregie.framework.engine import default_registry, evaluate, parse_case
    from jeugdregie.framework.models import EvaluationReceipt
    from jeugdregie.framework.selectors import impact_report

    call_command("migrate", verbosity=0, interactive=False)
    registry = default_registry()
    rng = random.Random(SEED + 1)
    start = time.perf_counter()
    receipts = []
    for number in range(cases):
        case = parse_case(_case_data(rng, number), registry.vocabulary, registry.ground_ids)
        evaluation = evaluate(case)
        receipts.append(
            EvaluationReceipt(
                ruleset_id=evaluation.ruleset.ruleset_id,
                version=evaluation.version,
                content_hash=evaluation.ruleset.content_hash,
                engine_version=evaluation.engine_version,
                case_id=case.case_id,
                request_date=case.request_date,
                inputs=case.to_json(),
                outcome=evaluation.outcome,
                result=evaluation.to_json(),
            )
        )
    EvaluationReceipt.objects.bulk_create(receipts, batch_size=500)
    stored = time.perf_counter() - start
    start, cpu_start = time.perf_counter(), time.process_time()
    report = impact_report(from_version="2020-08", to_version="2022-01")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {
        "stored_cases": EvaluationReceipt.objects.count(),
        "store_seconds": round(stored, 2),
        "impact_seconds": round(seconds, 2),
        "impact_cpu_seconds": round(cpu, 2),
        "changed": len(report.changed),
        "unchanged": report.unchanged,
        "transitions": {f"{a} -> {b}": n for (a, b), n in sorted(report.transitions.items())},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=5.0)
    options = parser.parse_args()

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    database = BENCH_DIR / "afweging.sqlite3"
    for stale in BENCH_DIR.glob(f"{database.name}*"):
        stale.unlink()
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["JEUGDREGIE_VAR_DIR"] = str(BENCH_DIR)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdregie.conf.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    pinned = _pin_to_one_core()
    print(f"== evaluations per second ({pinned})", flush=True)
    evaluations = measure_evaluations(options.seconds)
    print(json.dumps(evaluations, indent=2), flush=True)
    print(f"== impact report over {options.cases} stored cases (SQLite)", flush=True)
    impact = measure_impact(options.cases)
    print(json.dumps(impact, indent=2), flush=True)
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "core": pinned,
            "load_average_1m": round(os.getloadavg()[0], 2),
        },
        "targets": TARGETS,
        "evaluations": evaluations,
        "impact": {"database": "sqlite", "cases": options.cases, **impact},
        "meets_targets": evaluations["evaluations_per_second"] >= TARGETS["evaluations_per_second"]
        and (
            options.cases < 10_000
            or impact["impact_seconds"] < TARGETS["impact_seconds_10000_cases"]
        ),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "afweging.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {RESULTS / 'afweging.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
