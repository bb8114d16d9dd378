# SPDX-License-Identifier: EUPL-1.2
"""Budget ledger benchmark (not part of the test run): writes benchmarks/results/budgets.json.

For each scale a demo database is built (a SQLite file under var/bench; and the throwaway
PostgreSQL database of --database-url or a PostgreSQL $DATABASE_URL, rebuilt per scale),
then measured in a child process:
- the full recompute of the ledger (`ledger_recompute`, as `jeugdregie budget_recompute`);
- one incremental update: `allocation_update` through the service (change record, ledger
  difference) and the ledger step alone (`ledger_allocation_changed`), median and p95;
- at region scale only: the provider budget page under 10 concurrent users (threads with a
  bounded number of requests each, logged in as a contract manager) against
  `gunicorn jeugdregie.conf.wsgi:application --workers 2 --threads 4` on 127.0.0.1 (the
  production server, see README "Draaien op PostgreSQL"), p50/p95/max.
Targets (issue 4): recompute < 2 s (region) and < 8 s (large), incremental < 5 ms,
page p95 < 300 ms. Usage:
    python benchmarks/budgets.py [--scale region large] [--repeat 3] [--database-url URL]
"""

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
JEUGDREGIE = str(ROOT / ".venv" / "bin" / "jeugdregie")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
WORKERS, THREADS = 2, 4
RECOMPUTE_TARGET_SECONDS = {"region": 2.0, "large": 8.0}
TARGETS: dict[str, object] = {
    "recompute_seconds": RECOMPUTE_TARGET_SECONDS,
    "incremental_ms": 5.0,
    "page_p95_ms": 300.0,
}
USERS, REQUESTS_PER_USER = 10, 30


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _ms(samples: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(samples) * 1000, 2),
        "p95_ms": round(_percentile(samples, 0.95) * 1000, 2),
        "max_ms": round(max(samples) * 1000, 2),
        "samples": len(samples),
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _page_load(env: dict[str, str], session_key: str, urls: list[str]) -> dict[str, Any]:
    port = _free_port()
    log = Path(env.get("JEUGDREGIE_VAR_DIR", ROOT / "var")) / "budgets-gunicorn.log"
    server = subprocess.Popen(
        [
            GUNICORN,
            "jeugdregie.conf.wsgi:application",
            "--workers",
            str(WORKERS),
            "--threads",
            str(THREADS),
            "-b",
            f"127.0.0.1:{port}",  # loopback only
        ],
        # a fixed pool of WORKERS x THREADS threads: each keeps its database connection
        env={**env, "DATABASE_CONN_MAX_AGE": "60"},
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),  # the server's log and tracebacks, when a request fails
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)

        def connect() -> http.client.HTTPConnection:
            # one persistent HTTP/1.1 connection per simulated user, as a browser keeps one
            return http.client.HTTPConnection("127.0.0.1", port, timeout=30)

        def fetch(connection: http.client.HTTPConnection, url: str) -> float:
            started = time.perf_counter()
            connection.request("GET", url, headers={"Cookie": f"sessionid={session_key}"})
            response = connection.getresponse()
            response.read()
            assert response.status == 200, (url, response.status)
            return time.perf_counter() - started

        warm = connect()
        for url in urls[:USERS]:  # warm-up
            fetch(warm, url)
        alone = [fetch(warm, url) for url in urls]  # one user: the cost of one page
        warm.close()
        samples: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()

        def user(index: int) -> None:
            connection = connect()
            for n in range(REQUESTS_PER_USER):
                try:
                    took = fetch(connection, urls[(index + n) % len(urls)])
                except (OSError, AssertionError, http.client.HTTPException) as exc:
                    with lock:
                        errors.append(repr(exc)[:200])
                    connection.close()
                    connection = connect()
                else:
                    with lock:
                        samples.append(took)
            connection.close()

        threads = [threading.Thread(target=user, args=(i,)) for i in range(USERS)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
    return {
        "server": f"gunicorn --workers {WORKERS} --threads {THREADS}",
        "users": USERS,
        "requests": len(samples) + len(errors),
        "errors": len(errors),
        "first_errors": errors[:3],
        "server_log": str(log),
        "requests_per_second": round(len(samples) / elapsed, 1),
        "providers": len(urls),
        **_ms(samples),
        "one_user": _ms(alone),
    }


def measure(scale: str, repeat: int) -> dict[str, Any]:
    """Runs in a child process whose DATABASE_URL points at the seeded demo database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdregie.conf.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.db.models import Q
    from django.urls import reverse
    from django.utils import timezone
    from django_otp import DEVICE_ID_SESSION_KEY

    from jeugdregie.accounts.models import User
    from jeugdregie.allocations.constants import ChangeReason
    from jeugdregie.allocations.models import Allocation
    from jeugdregie.budgets.ledger import ledger_allocation_changed, ledger_recompute
    from jeugdregie.budgets.models import BudgetCeiling, ProviderLedger
    from jeugdregie.regions.models import Region
    from jeugdregie.testing.auth import totp_device_for_tests
    from jeugdregie.workflows.allocations import allocation_change

    result: dict[str, Any] = {
        "allocations": Allocation.objects.count(),
        "providers_with_ceiling": BudgetCeiling.objects.values("provider").distinct().count(),
    }
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        rows = ledger_recompute()
        timings.append(time.perf_counter() - started)
    result["full_recompute"] = {
        "median_seconds": round(statistics.median(timings), 3),
        "max_seconds": round(max(timings), 3),
        "ledger_rows": rows,
        "target_seconds": RECOMPUTE_TARGET_SECONDS.get(scale),
    }

    region = Region.objects.get(code="zhz")
    today = timezone.localdate()
    running = (
        Allocation.objects.filter(municipality__region=region, volume__isnull=False)
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .select_related("product", "municipality__region")
        .order_by("pk")[:100]
    )
    if not running:  # the demo year lies in the past: change allocations of that year
        year = ProviderLedger.objects.filter(region=region).order_by("-year").values("year")
        last = year[0]["year"] if year else today.year
        running = (
            Allocation.objects.filter(
                municipality__region=region, volume__isnull=False, start__year=last
            )
            .select_related("product", "municipality__region")
            .order_by("pk")[:100]
        )
    service, ledger_only = [], []
    for allocation in running:
        started = time.perf_counter()
        allocation_change(
            actor=None,
            allocation=allocation,
            reason=ChangeReason.ADMINISTRATIVE_CORRECTION,
            volume=(allocation.volume or 0) + 1,
            frequency=allocation.frequency,
            budget=allocation.budget,
            end=allocation.end,
            unit_price=allocation.unit_price,
        )
        service.append(time.perf_counter() - started)
        started = time.perf_counter()
        ledger_allocation_changed(allocation=allocation)
        ledger_only.append(time.perf_counter() - started)
    result["incremental_update"] = {
        "allocation_update_service": _ms(service),
        "ledger_allocation_changed": _ms(ledger_only),
        "target_ms": TARGETS["incremental_ms"],
    }

    if scale == "region":
        manager = User.objects.filter(
            role="contract_manager", organisation__region=region, is_active=True
        ).first()
        assert manager is not None
        store = import_module(settings.SESSION_ENGINE).SessionStore()
        store[SESSION_KEY] = str(manager.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = manager.get_session_auth_hash()
        # contract management signs in with a second factor: the session of one who passed it
        store[DEVICE_ID_SESSION_KEY] = totp_device_for_tests(manager).persistent_id
        store.create()
        providers = (
            BudgetCeiling.objects.filter(region=region)
            .values_list("provider_id", flat=True)
            .distinct()
            .order_by("provider_id")
        )
        urls = [reverse("budgets:provider-budget", kwargs={"pk": pk}) for pk in providers]
        result["provider_budget_page"] = {
            **_page_load(dict(os.environ), str(store.session_key), urls),
            "target_p95_ms": TARGETS["page_p95_ms"],
        }
    return result


def _run(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([JEUGDREGIE, *args], check=True, env=env)
    return time.perf_counter() - started


def _is_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", nargs="+", default=["region", "large"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_POSTGRES_URL")
        or (os.environ.get("DATABASE_URL", "") if _is_postgres() else ""),
        help="a throwaway PostgreSQL database (it is rebuilt); default $BENCH_POSTGRES_URL "
        "(set by scripts/with-postgres.sh in `make bench`), else $DATABASE_URL if PostgreSQL",
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # child process: one scale
    options = parser.parse_args()
    if options.measure:
        print(json.dumps(measure(options.measure, options.repeat)))
        return 0

    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    databases = ["sqlite"] + (["postgresql"] if options.database_url else [])
    result: dict[str, Any] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "targets": TARGETS,
        "runs": [],
    }
    for database in databases:
        for scale in options.scale:
            if database == "sqlite":
                file = bench_dir / f"budgets-{scale}.sqlite3"
                for stale in bench_dir.glob(f"{file.name}*"):
                    stale.unlink()
                url = f"sqlite:///{file}"
            else:
                url = options.database_url
            env = {
                **os.environ,
                "DATABASE_URL": url,
                "JEUGDREGIE_VAR_DIR": str(bench_dir),
                "JEUGDREGIE_DEMO": "1",  # seed_demo runs in demo mode only
            }
            print(f"== {database} {scale}: migrate + seed_demo", flush=True)
            _run(["migrate", "--noinput", "-v0"], env)
            seed = _run(["seed_demo", "--scale", scale, "--force"], env)
            child = subprocess.run(
                [sys.executable, __file__, "--measure", scale, "--repeat", str(options.repeat)],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            run = {
                "database": database,
                "scale": scale,
                "seed_demo_seconds": round(seed, 1),
                **json.loads(child.stdout.strip().splitlines()[-1]),
            }
            print(json.dumps(run, indent=2), flush=True)
            result["runs"].append(run)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "budgets.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {RESULTS / 'budgets.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
