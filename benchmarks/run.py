# SPDX-License-Identifier: EUPL-1.2
"""Performance harness (not part of the test run): `make bench` writes benchmarks/results/*.json.

Builds the demo region in a separate database, then measures the seed, the region figures
and the main pages as a contract manager would use them. Usage:
    python benchmarks/run.py [--scale region|large] [--repeat 5] [--database-url URL]
"""

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def _timed_command(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([str(ROOT / ".venv" / "bin" / "jeugdregie"), *args], check=True, env=env)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", default="region", choices=["small", "region", "large"])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database-url", default="")
    options = parser.parse_args()

    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    database = bench_dir / f"bench-{options.scale}.sqlite3"
    database_url = options.database_url or f"sqlite:///{database}"
    if not options.database_url and database.exists():
        database.unlink()
    bench_env = {
        "DATABASE_URL": database_url,
        "JEUGDREGIE_VAR_DIR": str(bench_dir),
        "JEUGDREGIE_DEMO": "1",  # seed_demo runs in demo mode only
    }
    env = {**os.environ, **bench_env}
    os.environ.update(bench_env)

    result: dict[str, object] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "scale": options.scale,
        "database": database_url.split(":", 1)[0],
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
    }
    result["migrate_seconds"] = round(_timed_command(["migrate", "--noinput", "-v0"], env), 2)
    result["seed_demo_seconds"] = round(
        _timed_command(["seed_demo", "--scale", options.scale], env), 2
    )
    result["seed_demo_again_seconds"] = round(
        _timed_command(["seed_demo", "--scale", options.scale], env), 2
    )

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdregie.conf.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.test import Client
    from django.urls import reverse

    from jeugdregie.accounts.models import User
    from jeugdregie.clients.models import Youth
    from jeugdregie.core.dates import default_year
    from jeugdregie.monitoring.selectors import region_stats
    from jeugdregie.regions.models import Region
    from jeugdregie.testing.auth import sign_in

    region = Region.objects.get(code="zhz")
    timings = []
    for _ in range(options.repeat):
        started = time.perf_counter()
        stats = region_stats(region=region, year=default_year())
        timings.append(time.perf_counter() - started)
    result["region_stats"] = {
        "median_seconds": round(statistics.median(timings), 3),
        "clients": stats.clients,
        "allocations": stats.allocations,
    }

    manager = User.objects.filter(role="contract_manager", organisation__region=region).first()
    assert manager is not None
    client = Client()
    sign_in(client, manager)  # password and second factor passed
    youth = Youth.objects.filter(municipality__region=region).first()
    assert youth is not None
    pages = {
        "home": ("get", reverse("home"), None),
        "provider_list": ("get", reverse("contracting:provider-list"), None),
        "provider_list_sorted_page_3": (
            "get",
            reverse("contracting:provider-list") + "?sorteer=-contracts&pagina=3",
            None,
        ),
        "allocation_list": ("get", reverse("allocations:allocation-list"), None),
        "allocation_list_filtered": (
            "get",
            reverse("allocations:allocation-list") + "?status=in_care&pagina=10",
            None,
        ),
        "youth_search_bsn": ("post", reverse("clients:youth-search"), {"q": youth.bsn}),
        "youth_detail": ("get", reverse("clients:youth-detail", kwargs={"pk": youth.pk}), None),
        "region_figures": ("get", reverse("monitoring:region-stats"), None),
        "allocation_export_csv": ("get", reverse("allocations:allocation-export"), None),
    }
    page_results: dict[str, dict[str, float]] = {}
    for name, (method, url, data) in pages.items():
        samples = []
        for _ in range(options.repeat):
            started = time.perf_counter()
            response = client.post(url, data) if method == "post" else client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            samples.append(time.perf_counter() - started)
            assert response.status_code == 200, (name, response.status_code)
        page_results[name] = {
            "median_ms": round(statistics.median(samples) * 1000, 1),
            "max_ms": round(max(samples) * 1000, 1),
        }
    result["pages"] = page_results

    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    path = RESULTS / f"foundation-{options.scale}-{stamp}.json"
    path.write_text(json.dumps(result, indent=2))
    (RESULTS / f"foundation-{options.scale}-latest.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    print(f"written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
