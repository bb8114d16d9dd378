# SPDX-License-Identifier: EUPL-1.2
"""Full-import benchmark (not part of the test run): merges ``ijw_import`` into
benchmarks/results/ijw.json (the keys of benchmarks/ijw_validate.py are kept).

For each database (a SQLite file under var/bench; and the throwaway PostgreSQL database of
--database-url or a PostgreSQL $DATABASE_URL, which is rebuilt) a fresh demo region is built
(``migrate`` + ``seed_demo --scale region --force`` + ``budget_recompute``, as
``make demo``). A child process then writes a mixed
batch of provider messages that make sense for that database to a folder (on PostgreSQL it
also analyses the tables autovacuum would analyse after the bulk load of the demo, so
that this does not happen at a random moment of the timed import), and a fresh one
times the import as a region runs it (inbox → in-message checks → cross-message checks →
domain effect → retour in the outbox, one transaction per message):

- JW315 requests for allocation for new clients (products of the region's catalogue);
- JW305 starts of allocations without delivery, and new starts after a temporary stop;
- JW307 stops of running delivery: final (reason 31) or temporary (reason 20, a new start
  follows later in the batch);
- JW323 monthly declarations per provider and municipality, consecutive months, lines for
  allocations with delivery in that month at the contract tariff; now and then a credit of
  an earlier line with its new debit (IV085), or one line above the contract tariff (0611);
- invalid ones: a repeated Identificatie (9056), an unknown allocation (9019), a stop before
  its start (0001), an unknown product code (S329).

On SQLite the command imports in its own process (one writer at a time): messages per
second = messages / wall time of the command. On PostgreSQL the batch is imported as a
region's workers do it: 1, 2 and 4 ``jeugdregie worker`` processes wait on the ``ijw``
queue, the batch is put in the queue (one task per provider) and timed from enqueueing to
the last task finished (after its last retour was committed), each on a fresh copy of the
seeded database. Target (issues 3 and 13): at least 300 messages/s on PostgreSQL with two
workers. ``--fork-pool-from COMMIT`` also measures the hand-made fork pool that the tasks
replaced, as it was at COMMIT (kept in the results as ``fork_pool_reference``). Usage:
    python benchmarks/ijw_import.py [--messages 10000] [--database-url URL] [--profile]
        [--only sqlite|postgresql] [--fork-pool-from COMMIT]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import io
import json
import os
import platform
import random
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
JEUGDREGIE = str(ROOT / ".venv" / "bin" / "jeugdregie")
TARGET_POSTGRESQL = 300  # messages/s with TARGET_WORKERS workers
TARGET_WORKERS = 2
WORKERS = (1, 2, 4)
# The hand-made fork pool that the tasks replaced (issue 13), measured with --fork-pool-from
# in the same run as the workers, before it was removed; kept here because the results
# folder is not in git. That run: 1/2/4 workers 52.1/86.1/79.3 messages/s, on a two-core
# machine that other sessions kept busy (the fork pool made 144.4 on it when it was quiet).
FORK_POOL_REFERENCE = {
    "when": "2026-12-07T19:45:05+00:00",
    "commit": "27449a92f86906191b27600989eadd72e2878f12",
    "what": "the hand-made fork pool (prctl, gc.freeze, multiprocessing), two processes, "
    "measured in the same run as the workers, before it was removed",
    "messages": 10000,
    "workers": 2,
    "messages_per_second": 80.8,
}
SEED = 20261125
LINES_PER_DECLARATION = 4


def _last_day(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


@dataclass
class _Plan:
    """Streams of messages; the order inside a stream matters (stop before the new start,
    declarations month after month), streams are interleaved at random."""

    streams: list[list[bytes]] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)


def generate(folder: Path, count: int) -> dict[str, int]:
    """Write ``count`` messages to ``folder`` (``00000.xml``…); returns the intended mix."""
    from django.utils import timezone

    import ijw
    from ijw import codelists as cl
    from jeugdregie.allocations.models import Allocation
    from jeugdregie.clients.models import Youth
    from jeugdregie.clients.services import bsn_lookup_key
    from jeugdregie.contracting.models import Product
    from jeugdregie.messaging.services.declaration_lines import contract_tariff
    from jeugdregie.regions.models import Region
    from jeugdregie.testing.factories import synthetic_test_bsn

    rng = random.Random(SEED)
    today = timezone.localdate()
    region = Region.objects.get(code="zhz")
    allocations = list(
        Allocation.objects.filter(municipality__region=region)
        .select_related("youth", "provider", "municipality", "product__category")
        .prefetch_related("delivery_periods")
        .order_by("pk")
    )
    numbers = iter(range(1, 10**9))

    def header(agb: str, cbs: str, prefix: str) -> ijw.Header:
        return ijw.Header(
            afzender=agb,
            ontvanger=cbs,
            bericht_identificatie=ijw.BerichtIdentificatie(
                identificatie=f"{prefix}{next(numbers):09d}", dagtekening=today
            ),
        )

    def person(youth: Youth) -> dict[str, Any]:
        return {
            "bsn": youth.bsn,
            "geboortedatum": ijw.Geboortedatum(datum=youth.birth_date),
            "geslacht": cl.Geslacht(youth.gender or "0"),
            "naam": ijw.VerkorteNaam(
                geslachtsnaam=ijw.Achternaam(achternaam=youth.family_name[:200] or "-"),
                voornamen=youth.given_name[:200] or None,
            ),
        }

    def product(allocation: Allocation) -> ijw.Product:
        return ijw.Product(
            categorie=cl.ProductCategorie(allocation.product.category.code),
            code=allocation.product.code,
        )

    def start(allocation: Allocation, day: dt.date, *, number: int | None = None) -> bytes:
        return ijw.build(
            ijw.JW305(
                header=header(allocation.provider.agb_code, allocation.municipality.cbs_code, "S"),
                client=ijw.StartClient(
                    **person(allocation.youth),
                    start_producten=[
                        ijw.StartProduct(
                            toewijzing_nummer=number or int(allocation.number),
                            product=product(allocation),
                            toewijzing_ingangsdatum=allocation.start,
                            begindatum=day,
                            status_aanlevering=cl.StatusAanlevering.EERSTE_AANLEVERING,
                        )
                    ],
                ),
            )
        )

    def stop(
        allocation: Allocation, begin: dt.date, end: dt.date, reason: cl.RedenBeeindiging
    ) -> bytes:
        return ijw.build(
            ijw.JW307(
                header=header(allocation.provider.agb_code, allocation.municipality.cbs_code, "E"),
                client=ijw.StopClient(
                    **person(allocation.youth),
                    stop_producten=[
                        ijw.StopProduct(
                            toewijzing_nummer=int(allocation.number),
                            product=product(allocation),
                            toewijzing_ingangsdatum=allocation.start,
                            begindatum=begin,
                            reden_beeindiging=reason,
                            einddatum=end,
                            status_aanlevering=cl.StatusAanlevering.EERSTE_AANLEVERING,
                        )
                    ],
                ),
            )
        )

    quota = {
        "JW315": count * 22 // 100,
        "JW305": count * 16 // 100,
        "JW307": count * 27 // 100,
        "invalid": count * 8 // 100,
    }
    quota["JW323"] = count - sum(quota.values())
    plan = _Plan()
    singles: list[bytes] = []  # valid single messages that may be repeated (9056)

    # --- JW305/JW307: allocations without delivery start; running delivery stops, half of
    # them temporarily, and those start again later in the batch.
    unstarted = [
        a
        for a in allocations
        if not a.delivery_periods.all() and a.youth.bsn and a.start <= today  # TR134
    ]
    running = [
        (a, p)
        for a in allocations
        if a.youth.bsn and a.unit != "83"
        for p in a.delivery_periods.all()
        if p.end is None
    ]
    rng.shuffle(running)
    used: set[int] = set()
    starts = stops = 0
    for allocation in unstarted:
        if starts >= quota["JW305"]:
            break
        data = start(allocation, allocation.start)
        plan.streams.append([data])
        singles.append(data)
        used.add(allocation.pk)
        starts += 1
    for allocation, period in running:
        if stops >= quota["JW307"]:
            break
        last = min(allocation.end or today, today)
        if last - period.start < dt.timedelta(days=20):
            continue
        end = period.start + dt.timedelta(days=rng.randint(7, (last - period.start).days - 7))
        used.add(allocation.pk)
        if starts < quota["JW305"]:
            plan.streams.append(
                [
                    stop(allocation, period.start, end, cl.RedenBeeindiging.TIJDELIJK),
                    start(allocation, end + dt.timedelta(days=rng.randint(1, 6))),
                ]
            )
            starts += 1
        else:
            data = stop(allocation, period.start, end, cl.RedenBeeindiging.VOLGENS_PLAN)
            plan.streams.append([data])
            singles.append(data)
        stops += 1
    plan.kinds.update({"JW305": starts, "JW307": stops})

    # --- JW323: per provider and municipality one declaration a month, consecutive months,
    # lines for allocations (not started or stopped in this batch) with delivery that month.
    by_pair: dict[tuple[int, int], list[Allocation]] = defaultdict(list)
    for allocation in allocations:
        if (
            allocation.pk not in used
            and allocation.youth.bsn
            and allocation.volume is not None
            and allocation.unit != "83"
            and allocation.change_reason != "13"
            and allocation.delivery_periods.all()
        ):
            by_pair[(allocation.provider_id, allocation.municipality_id)].append(allocation)
    tariffs: dict[tuple[int, dt.date], int | None] = {}

    def tariff(allocation: Allocation, day: dt.date) -> int | None:
        key = (allocation.pk, day)
        if key not in tariffs:
            found = contract_tariff(allocation, day)
            tariffs[key] = ijw.cents(found) if found is not None else None
        return tariffs[key]

    def delivered(allocation: Allocation, first: dt.date, last: dt.date) -> bool:
        return any(
            p.start <= last and (p.end is None or p.end >= first)
            for p in allocation.delivery_periods.all()
        )

    declaration_streams: list[list[bytes]] = []
    declared = 0
    line_numbers = iter(range(1, 10**9))
    pairs = sorted(by_pair)
    rng.shuffle(pairs)
    wrong_tariffs = 0
    overpriced: set[str] = set()

    def reference(wrong: bool) -> str:
        """A new line reference; lines above the tariff are remembered (never credited)."""
        value = f"R{next(line_numbers):010d}"
        if wrong:
            overpriced.add(value)
        return value

    for pair in pairs:
        if declared >= quota["JW323"]:
            break
        group = sorted(by_pair[pair], key=lambda a: a.number)
        month = min(a.start for a in group).replace(day=1)
        stream: list[bytes] = []
        per_allocation: Counter[int] = Counter()
        previous_lines: list[tuple[str, ijw.Prestatie]] = []
        while declared < quota["JW323"] and _last_day(month) < today:
            first, last = month, _last_day(month)
            lines: list[tuple[str, ijw.Prestatie]] = []
            for allocation in group:
                if len(lines) >= LINES_PER_DECLARATION:
                    break
                if allocation.start > last or (allocation.end and allocation.end < first):
                    continue
                if not delivered(allocation, first, last):
                    continue
                if allocation.frequency == "6" and per_allocation[allocation.pk] >= (
                    allocation.volume or 0
                ):
                    continue
                begin = max(first, allocation.start)
                end = min(last, allocation.end) if allocation.end else last
                price = tariff(allocation, begin)
                if price is None:
                    continue
                if (declared + len(stream)) % 40 == 39 and not lines:
                    price += 1000  # above the contract tariff: this line gets 0611
                    wrong_tariffs += 1
                per_allocation[allocation.pk] += 1
                lines.append(
                    (
                        allocation.youth.bsn,
                        ijw.Prestatie(
                            product_referentie=ijw.Referentie(
                                referentie_nummer=reference(price != tariff(allocation, begin))
                            ),
                            toewijzing_nummer=int(allocation.number),
                            product_categorie=cl.ProductCategorie(allocation.product.category.code),
                            product_code=allocation.product.code,
                            product_periode=ijw.GeslotenPeriode(begindatum=begin, einddatum=end),
                            geleverd_volume=1,
                            eenheid=cl.Eenheid(allocation.unit),
                            product_tarief=price,
                            ingediend_bedrag=ijw.BedragMetDC(
                                bedrag=price, debet_credit=cl.DebetCredit.DEBET
                            ),
                        ),
                    )
                )
            if not lines:
                break  # no care this month: the run of consecutive declarations ends
            if previous_lines and len(stream) % 5 == 4:  # correct an earlier line (IV085)
                bsn, old = previous_lines[0]
                if old.product_referentie.referentie_nummer not in overpriced:
                    credit = ijw.Prestatie(
                        **{
                            **_fields(old),
                            "product_referentie": ijw.Referentie(
                                referentie_nummer=f"R{next(line_numbers):010d}",
                                vorig_referentie_nummer=old.product_referentie.referentie_nummer,
                            ),
                            "ingediend_bedrag": ijw.BedragMetDC(
                                bedrag=old.ingediend_bedrag.bedrag,
                                debet_credit=cl.DebetCredit.CREDIT,
                            ),
                        }
                    )
                    again = ijw.Prestatie(
                        **{
                            **_fields(old),
                            "product_referentie": ijw.Referentie(
                                referentie_nummer=f"R{next(line_numbers):010d}"
                            ),
                        }
                    )
                    lines = [(bsn, credit), (bsn, again), *lines]
            clients: dict[str, list[ijw.Prestatie]] = defaultdict(list)
            for bsn, line in lines:
                clients[bsn].append(line)
            total = sum(line.ingediend_bedrag.signed for _bsn, line in lines)
            agb = group[0].provider.agb_code
            stream.append(
                ijw.build(
                    ijw.JW323(
                        header=header(agb, group[0].municipality.cbs_code, "D"),
                        declaratie=ijw.Declaratie(
                            declaratie_nummer=f"DN{next(numbers):010d}",
                            declaratie_periode=ijw.GeslotenPeriode(
                                begindatum=first, einddatum=last
                            ),
                            declaratie_dagtekening=today,
                            totaal_ingediend_bedrag=ijw.TotaalBedragMetDC(
                                totaal_bedrag=abs(total),
                                debet_credit=(
                                    cl.DebetCredit.DEBET if total >= 0 else cl.DebetCredit.CREDIT
                                ),
                            ),
                            clienten=[
                                ijw.DeclaratieClient(bsn=bsn, prestaties=items)
                                for bsn, items in clients.items()
                            ],
                        ),
                    )
                )
            )
            previous_lines = [
                (bsn, line)
                for bsn, line in lines
                if line.ingediend_bedrag.debet_credit == cl.DebetCredit.DEBET
            ]
            month = _next_month(month)
        declared += len(stream)
        if stream:
            declaration_streams.append(stream)
    plan.streams.extend(declaration_streams)
    plan.kinds.update({"JW323": declared, "JW323 lines above the contract tariff": wrong_tariffs})

    # --- JW315: requests for a product of the region's catalogue, from a provider the
    # client already has an allocation with (one request per client: TR374), and for a few
    # new clients (the test BSN range is nearly taken by the demo youth).
    products = list(
        Product.objects.filter(region=region).select_related("category").order_by("code")
    )
    known = set(Youth.objects.exclude(bsn_index=None).values_list("bsn_index", flat=True))
    fresh = [
        bsn
        for bsn in (synthetic_test_bsn(n) for n in range(100, 400))
        if bsn_lookup_key(bsn) not in known
    ]
    clients_seen: set[int] = set()
    askers: list[tuple[Allocation, dict[str, Any] | None]] = []
    for allocation in rng.sample(allocations, len(allocations)):
        if allocation.youth.bsn and allocation.youth_id not in clients_seen:
            clients_seen.add(allocation.youth_id)
            askers.append((allocation, person(allocation.youth)))
    for n, bsn in enumerate(fresh):
        askers.insert(
            n * 7 % max(1, len(askers)),
            (
                allocations[n],
                {
                    "bsn": bsn,
                    "geboortedatum": ijw.Geboortedatum(datum=dt.date(2010 + n % 12, 1 + n % 12, 1)),
                    "geslacht": cl.Geslacht.VROUWELIJK if n % 2 else cl.Geslacht.MANNELIJK,
                    "naam": ijw.VerkorteNaam(
                        geslachtsnaam=ijw.Achternaam(achternaam="Jansen"), voornamen="Noa"
                    ),
                },
            ),
        )

    def request(code: str, category: str, n: int) -> bytes:
        allocation, client = askers[n % len(askers)]
        begin = today.replace(day=1)
        return ijw.build(
            ijw.JW315(
                header=header(allocation.provider.agb_code, allocation.municipality.cbs_code, "V"),
                client=ijw.VerzoekClient(
                    **(client or {}),
                    gezagsdrager_bekend=cl.JaNee.JA,
                    aangevraagde_producten=[
                        ijw.AangevraagdProduct(
                            referentie_aanbieder=f"VOT-{n:08d}",
                            product=ijw.Product(categorie=cl.ProductCategorie(category), code=code),
                            toewijzing_ingangsdatum=begin,
                            toewijzing_einddatum=dt.date(begin.year, 12, 31),
                            omvang=ijw.Omvang(
                                volume=1 + n % 10,
                                eenheid=cl.Eenheid.UUR,
                                frequentie=cl.Frequentie.PER_MAAND,
                            ),
                            verwijzer=ijw.Verwijzer(
                                type=cl.TypeVerwijzer.HUISARTS, zorgverlener_code="01234567"
                            ),
                        )
                    ],
                ),
            )
        )

    hourly = [p for p in products if p.unit == "04"] or products
    requests = 0
    for n in range(quota["JW315"]):
        chosen = hourly[n % len(hourly)]
        data = request(chosen.code, chosen.category.code, n)
        plan.streams.append([data])
        singles.append(data)
        requests += 1
    plan.kinds["JW315"] = requests
    plan.kinds["JW315 for new clients"] = sum(
        1 for n in range(requests) if (askers[n % len(askers)][1] or {}).get("bsn") in fresh
    )

    # --- invalid messages, up to the total.
    invalid: Counter[str] = Counter()
    missing = count - sum(len(s) for s in plan.streams)
    for n in range(missing):
        kind = n % 4
        if kind == 0:
            plan.streams.append([singles[rng.randrange(len(singles))]])  # same Identificatie
            invalid["9056 repeated Identificatie"] += 1
        elif kind == 1:
            allocation = unstarted[n % len(unstarted)]
            plan.streams.append([start(allocation, allocation.start, number=987_654_321)])
            invalid["9019 unknown allocation"] += 1
        elif kind == 2:
            allocation, period = running[-1 - n % 500]
            plan.streams.append(
                [
                    stop(
                        allocation,
                        period.start,
                        period.start - dt.timedelta(days=3),
                        cl.RedenBeeindiging.VOLGENS_PLAN,
                    )
                ]
            )
            invalid["0001 stop before its start"] += 1
        else:
            plan.streams.append([request("99Z99", "45", quota["JW315"] + n)])
            invalid["S329 unknown product code"] += 1
    plan.kinds.update({f"invalid: {k}": v for k, v in invalid.items()})

    # Interleave the streams at random, keeping the order inside each.
    heads = [0] * len(plan.streams)
    weights = [len(s) for s in plan.streams]
    order: list[int] = [i for i, w in enumerate(weights) for _ in range(w)]
    rng.shuffle(order)
    folder.mkdir(parents=True, exist_ok=True)
    for position, index in enumerate(order):
        data = plan.streams[index][heads[index]]
        heads[index] += 1
        (folder / f"{position:05d}.xml").write_bytes(data)
    return dict(plan.kinds)


def _fields(value: Any) -> dict[str, Any]:
    import dataclasses

    return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdregie.conf.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def write_batch(folder: Path, count: int) -> dict[str, Any]:
    """Child process 1 (DATABASE_URL: the seeded demo database): write the batch."""
    _django()
    started = time.perf_counter()
    mix = generate(folder, count)
    return {
        "intended_mix": mix,
        "generate_seconds": round(time.perf_counter() - started, 1),
        "analyzed_after_seeding": _analyze_as_autovacuum(),
    }


def _analyze_as_autovacuum() -> list[str]:
    """PostgreSQL: the tables that autovacuum analyses after the bulk load of the demo
    (more rows changed than 50 + 10% of the table, its default threshold), analysed now
    rather than at some moment during the timed import. The rest (the nearly empty message
    tables) are left to autovacuum, as on a live system."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_stat_user_tables "
            "WHERE n_mod_since_analyze > 50 + 0.1 * n_live_tup ORDER BY relname"
        )
        tables = [name for (name,) in cursor.fetchall()]
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    return tables


def _counts(first_inbox: int, files: int) -> dict[str, Any]:
    """What the import added (the demo may hold messages of its own)."""
    from django.db.models import Count, Q

    from jeugdregie.messaging.models import DeclarationLine, InboxMessage, OutboxMessage

    imported = InboxMessage.objects.filter(pk__gte=first_inbox)
    received = imported.count()
    retours = OutboxMessage.objects.filter(retour_of__in=imported).count()
    lines = DeclarationLine.objects.filter(inbox_message__in=imported).aggregate(
        n=Count("id"), approved=Count("id", filter=Q(approved=True))
    )
    assert received == files, (received, files)
    assert retours == files, "exactly one retour per message"
    return {
        "outcome": {
            f"{row['message_type']} {row['status']}": row["n"]
            for row in imported.values("message_type", "status")
            .annotate(n=Count("id"))
            .order_by("message_type", "status")
        },
        "declaration_lines": lines["n"],
        "declaration_lines_approved": lines["approved"],
        "retours": retours,
    }


def _first_inbox() -> int:
    from jeugdregie.messaging.models import InboxMessage

    return (InboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1


def measure(folder: Path, profile: Path | None) -> dict[str, Any]:
    """Child process 2 on SQLite, fresh as a command run by a region: ``ijw_import FOLDER``
    (on SQLite in the command's own process)."""
    _django()
    from django.core.management import call_command

    files = len(list(folder.glob("*.xml")))
    first_inbox = _first_inbox()
    profiler = None
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    call_command("ijw_import", str(folder), stdout=io.StringIO())
    seconds = time.perf_counter() - started
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(profile))
    return {
        "messages": files,
        "seconds": round(seconds, 2),
        "messages_per_second": round(files / seconds, 1),
        "workers": "1 (in the command)",
        **_counts(first_inbox, files),
    }


def _worker(number: int, profile: Path | None) -> subprocess.Popen[bytes]:
    options = ["--queue-name", "ijw", "--no-startup-delay", "--interval", "0.05", "-v", "0"]
    python = [sys.executable]
    if profile is not None:
        python += ["-m", "cProfile", "-o", str(profile.with_suffix(f".worker{number}.prof"))]
    return subprocess.Popen([*python, "-m", "jeugdregie.manage", "worker", *options])


def measure_workers(folder: Path, workers: int, profile: Path | None) -> dict[str, Any]:
    """Child process 2 on PostgreSQL: ``workers`` worker processes wait for tasks (as a
    region's workers do); then the batch is put in the queue (one task per provider, as
    ``ijw_import`` does) and timed from enqueueing to the last task finished, that is
    after its provider's last retour was committed."""
    _django()
    from django.utils import timezone

    from jeugdregie.jobs.models import WorkerHeartbeat
    from jeugdregie.messaging.management.commands.ijw_validate import _files
    from jeugdregie.messaging.services.import_batches import (
        batch_enqueue,
        batch_results,
        batch_state,
    )
    from jeugdregie.messaging.tasks import provider_files_import

    paths = _files([str(folder)])
    first_inbox = _first_inbox()
    processes = [_worker(n, profile) for n in range(workers)]
    try:
        deadline = time.monotonic() + 120
        while WorkerHeartbeat.objects.count() < workers:  # each beats once it runs
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.1)
        time.sleep(0.5)  # into their loop, polling the queue
        enqueued_at = timezone.now()
        batch, tasks = batch_enqueue(paths=paths)
        while not batch_state(batch=batch).done:
            time.sleep(0.05)
        results = batch_results(batch=batch)
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)  # idle: they stop at once
        for process in processes:
            process.wait(timeout=120)
    from django_tasks_db.models import DBTaskResult

    finished = (
        DBTaskResult.objects.filter(
            task_path=provider_files_import.module_path, args_kwargs__kwargs__batch=batch
        )
        .order_by("-finished_at")[0]
        .finished_at
    )
    assert finished is not None
    seconds = (finished - enqueued_at).total_seconds()
    assert len(results) == len(paths)
    return {
        "messages": len(paths),
        "tasks": tasks,
        "workers": workers,
        "seconds": round(seconds, 2),
        "messages_per_second": round(len(paths) / seconds, 1),
        **_counts(first_inbox, len(paths)),
    }


def measure_fork_pool(folder: Path, commit: str) -> dict[str, Any]:
    """Child process 2 on PostgreSQL, for the reference only: ``files_import`` of the
    hand-made fork pool as it was at ``commit`` (the module read from git), two workers,
    timed from its call to its return (the last retour committed)."""
    _django()
    import types

    def git(*args: str) -> str:
        command = ["git", *args]  # git from PATH, as in the shell
        return subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout

    commit = git("rev-parse", commit).strip()
    source = git("show", f"{commit}:src/jeugdregie/messaging/services/imports.py")
    old = types.ModuleType("fork_pool_imports")
    sys.modules[old.__name__] = old  # the pool sends its functions to the workers by name
    exec(compile(source, f"{commit}:imports.py", "exec"), old.__dict__)  # noqa: S102 -- ours
    from jeugdregie.messaging.management.commands.ijw_validate import _files

    paths = _files([str(folder)])
    first_inbox = _first_inbox()
    started = time.perf_counter()
    old.files_import(paths, workers=2)
    seconds = time.perf_counter() - started
    return {
        "commit": commit,
        "messages": len(paths),
        "workers": 2,
        "seconds": round(seconds, 2),
        "messages_per_second": round(len(paths) / seconds, 1),
        **_counts(first_inbox, len(paths)),
    }


def _run(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([JEUGDREGIE, *args], check=True, env=env)
    return time.perf_counter() - started


def _is_postgres(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://"))


def _child(step: list[str], env: dict[str, str], database: str) -> dict[str, Any]:
    child = subprocess.run(
        [sys.executable, __file__, *step], env=env, check=False, capture_output=True, text=True
    )
    if child.returncode != 0:
        sys.stderr.write(child.stderr[-5000:])
        raise SystemExit(f"the {database} measurement failed ({step[0]})")
    result: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    return result


class _Template:
    """The seeded PostgreSQL database with its batch written, kept as a template: each
    measurement starts from a copy of it (the same batch cannot be imported twice)."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.psycopg = psycopg
        parts = urlsplit(url)
        self.name = parts.path.lstrip("/")
        self.template = f"{self.name}_seeded"
        self.server = urlunsplit(parts._replace(path="/postgres"))

    def _sql(self, *statements: str) -> None:
        with self.psycopg.connect(self.server, autocommit=True) as server:
            for statement in statements:
                server.execute(statement)  # our own names

    def keep(self) -> None:
        self._sql(
            f"DROP DATABASE IF EXISTS {self.template}",
            f"CREATE DATABASE {self.template} TEMPLATE {self.name}",
        )

    def restore(self) -> None:
        self._sql(
            f"DROP DATABASE {self.name} WITH (FORCE)",
            f"CREATE DATABASE {self.name} TEMPLATE {self.template}",
        )

    def drop(self) -> None:
        self._sql(f"DROP DATABASE IF EXISTS {self.template}")


def _measure_postgresql(
    run: dict[str, Any], url: str, env: dict[str, str], options: argparse.Namespace
) -> None:
    """The fork pool (when asked), then 1, 2 and 4 workers, each on a fresh copy."""
    template = _Template(url)
    template.keep()
    profile = ["--profile"] if options.profile else []
    try:
        if options.fork_pool_from:
            template.restore()
            run["fork_pool_reference"] = {
                "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "what": "the hand-made fork pool (prctl, gc.freeze, multiprocessing), "
                "measured in the same run as the workers, before it was removed",
                **_child(["--fork-pool", options.fork_pool_from], env, "postgresql"),
            }
            print(json.dumps(run["fork_pool_reference"], indent=2), flush=True)
        run["by_workers"] = {}
        for workers in WORKERS:
            template.restore()
            measured = _child(["--workers", str(workers), *profile], env, "postgresql")
            run["by_workers"][str(workers)] = measured
            print(f"{workers} worker(s): {measured['messages_per_second']} messages/s", flush=True)
    finally:
        template.drop()
    same = {json.dumps(m["outcome"], sort_keys=True) for m in run["by_workers"].values()}
    assert len(same) == 1, "the same outcome with any number of workers"
    target = run["by_workers"][str(TARGET_WORKERS)]
    run.update(
        {
            "measured": "from putting the batch in the queue to the last task finished "
            "(after its last retour was committed); the workers were waiting",
            "messages_per_second": target["messages_per_second"],
            "workers": TARGET_WORKERS,
            "outcome": target["outcome"],
            "target_messages_per_second": TARGET_POSTGRESQL,
        }
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_POSTGRES_URL")
        or (
            os.environ.get("DATABASE_URL", "")
            if _is_postgres(os.environ.get("DATABASE_URL", ""))
            else ""
        ),
        help="a throwaway PostgreSQL database (it is rebuilt); default $BENCH_POSTGRES_URL "
        "(set by scripts/with-postgres.sh in `make bench`), else $DATABASE_URL if PostgreSQL",
    )
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="measure one database")
    parser.add_argument("--profile", action="store_true", help="cProfile to var/bench/*.prof")
    parser.add_argument(
        "--fork-pool-from",
        metavar="COMMIT",
        help="also measure the fork pool of ``imports.py`` at COMMIT (PostgreSQL), kept in "
        "the results as fork_pool_reference",
    )
    parser.add_argument("--write", help=argparse.SUPPRESS)  # child process 1: one database
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # child process 2: SQLite
    parser.add_argument("--workers", type=int, help=argparse.SUPPRESS)  # 2: PostgreSQL
    parser.add_argument("--fork-pool", help=argparse.SUPPRESS)  # 2: the reference
    options = parser.parse_args()
    bench_dir = ROOT / "var" / "bench"
    if options.write:
        folder = bench_dir / f"ijw-import-{options.write}"
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.xml"):
            stale.unlink()
        print(json.dumps(write_batch(folder, options.messages)))
        return 0
    profile = bench_dir / "ijw-import-postgresql.prof" if options.profile else None
    if options.workers:
        folder = bench_dir / "ijw-import-postgresql"
        print(json.dumps(measure_workers(folder, options.workers, profile)))
        return 0
    if options.fork_pool:
        print(json.dumps(measure_fork_pool(bench_dir / "ijw-import-postgresql", options.fork_pool)))
        return 0
    if options.measure:
        folder = bench_dir / f"ijw-import-{options.measure}"
        profile = bench_dir / f"ijw-import-{options.measure}.prof" if options.profile else None
        print(json.dumps(measure(folder, profile)))
        return 0

    bench_dir.mkdir(parents=True, exist_ok=True)
    databases = ["sqlite"] + (["postgresql"] if options.database_url else [])
    if options.only:
        databases = [d for d in databases if d == options.only]
    target = RESULTS / "ijw.json"
    existing = json.loads(target.read_text()) if target.exists() else {}
    previous = existing.get("ijw_import", {}).get("runs", [])
    runs = []
    for database in databases:
        if database == "sqlite":
            file = bench_dir / "ijw-import.sqlite3"
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
        print(f"== {database}: migrate + seed_demo --scale region", flush=True)
        _run(["migrate", "--noinput", "-v0"], env)
        seed = _run(["seed_demo", "--scale", "region", "--force"], env)
        seed += _run(["budget_recompute"], env)  # as `make demo`: the ledger exists
        run: dict[str, Any] = {"database": database, "seed_demo_seconds": round(seed, 1)}
        run.update(
            _child(["--write", database, "--messages", str(options.messages)], env, database)
        )
        if database == "postgresql":
            kept = [r for r in previous if r["database"] == database and "fork_pool_reference" in r]
            # measured once, before the fork pool was removed
            run["fork_pool_reference"] = (
                kept[0]["fork_pool_reference"] if kept else FORK_POOL_REFERENCE
            )
            _measure_postgresql(run, url, env, options)
        else:
            run.update(
                _child(["--measure", database, *(["--profile"] * options.profile)], env, database)
            )
        print(json.dumps(run, indent=2), flush=True)
        runs.append(run)
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "what": "jeugdregie ijw_import over a folder: inbox, in-message and cross-message "
        "checks, domain effect, retour in the outbox; one transaction per message; on "
        "SQLite in the command's process, on PostgreSQL one task per provider run by 1, 2 "
        "and 4 waiting `jeugdregie worker` processes; a fresh demo region (seed_demo "
        "--scale region)",
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "runs": runs,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    measured = {run["database"] for run in runs}
    result["runs"] = [r for r in previous if r["database"] not in measured] + runs
    existing["ijw_import"] = result  # only this key: ijw_validate.py writes the others
    target.write_text(json.dumps(existing, indent=2) + "\n")
    print(f"written to {target} (key ijw_import)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
