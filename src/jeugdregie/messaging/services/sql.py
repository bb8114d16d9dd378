# SPDX-License-Identifier: EUPL-1.2
"""The message pipeline's hand-written SQL: every statement, and why it is not the ORM.

Everything else in the pipeline uses the ORM. These five questions are asked for (almost)
every message of an import; each is answered here once, for every message type that asks
it (there is no ORM copy of any of them elsewhere):

==========================  ====================================  =========  ==========
function                    asked by                              plain SQL  ORM twin
==========================  ====================================  =========  ==========
``original_message_id``     TR056: every primary message, answer     262 µs    1,955 µs
``earlier_requests``        TR347 + TR374: JW315 and JW317           480 µs    2,891 µs
``allocations_by_number``   JW305, JW307 (per line), JW323           622 µs    4,478 µs
``earlier_declarations``    TR333 + TR318: JW323                     235 µs    2,586 µs
``earlier_declaration_      TR314, TR323, TR389, TR390, TR322/     1,692 µs    5,345 µs
lines``                     TR369 totals: JW323
==========================  ====================================  =========  ==========

The figures are one call, averaged over 400, on PostgreSQL 15 in a test database (the
test world), against the same question written with the ORM (a filtered queryset with
``select_for_update``; two querysets' ``union(all=True)``; ``annotate`` + a
``prefetch_related`` of the periods; ``aggregate`` of a filtered ``Count`` and ``Max``;
``filter(Q | Q).only(...)``), measured on a busy two-core machine (December 2026): the
ratios, 3 to 11 times, are what matters. On SQLite the plain statements are 8 to 110 times
cheaper. The lookups are indexed and small, so building the queryset costs more than
running it; every primary message runs two to four of them (a start or stop the
allocation lookup once per line), and the import must reach 300 messages/s on PostgreSQL
(issue 3, ``benchmarks/ijw_import.py``).

Per statement, further:

- ``original_message_id`` locks the row where the database can (``FOR UPDATE`` on
  PostgreSQL; SQLite has one writer at a time) in one statement text, so that a second
  message with the same key waits for the first to commit and then sees it;
  ``select_for_update()`` raises on a database without it.
- ``earlier_requests`` reads both request tables in one ``UNION ALL``: the ORM answered
  JW317's TR347 and TR374 as two unions, two round trips.
- ``allocations_by_number`` joins the youth's BSN key (nothing to decrypt) and, for starts
  and stops, the delivery periods: the ORM needs a second query for the periods.

The SQL is portable: standard SQL only, ``"end"`` quoted through ``connection.ops``, dates
that SQLite returns as text read with ``as_date``; table names come from the models and
every value is a parameter. The query budgets per message type
(``messaging/tests/test_each_message_type_imports_within_its_query_budget.py``) pin how
many statements a message sends.

Not per message but per import task (PostgreSQL only): ``task_lock``, ``task_unlock`` and
``task_lock_free``, the session advisory lock an import task holds while its worker runs
it (``import_workers``). PostgreSQL's advisory-lock functions have no ORM form.

Plain SQL elsewhere that a message also runs, each with its reason where it is: the ledger
rows with their client-stop flag (``budgets.ledger``), id blocks from the sequences
(``core.ids``), the audit chain's lock and head (``audit.chain``).
"""

import datetime as dt
from collections.abc import Iterable

from django.db import connection

from jeugdregie.allocations.models import Allocation, DeliveryPeriod
from jeugdregie.clients.models import Youth
from jeugdregie.messaging.constants import RequestStatus
from jeugdregie.messaging.models import (
    AllocationRequest,
    ChangeRequest,
    DeclarationLine,
    InboxMessage,
)

__all__ = [
    "allocations_by_number",
    "as_date",
    "earlier_declaration_lines",
    "earlier_declarations",
    "earlier_requests",
    "original_message_id",
    "placeholders",
    "task_lock",
    "task_lock_free",
    "task_unlock",
]


def as_date(value: object) -> dt.date | None:
    """A date read with plain SQL (SQLite gives text)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def placeholders(values: Iterable[object]) -> str:
    """``%s, %s, …`` for an ``IN (…)`` of plain SQL (``NULL`` for none: matches nothing)."""
    return ", ".join("%s" for _value in values) or "NULL"


def original_message_id(*, sender: str, message_type: str, identificatie: str) -> int | None:
    """TR056: the id of the message received before with this key, locked where the
    database can (a second message with the key waits for the first to commit)."""
    table = InboxMessage._meta.db_table
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM {table} WHERE sender = %s AND message_type = %s "  # noqa: S608
            f"AND identificatie = %s AND duplicate_of_id IS NULL{lock}",
            [sender, message_type, identificatie],
        )
        row = cursor.fetchone()
    return None if row is None else int(row[0])


def earlier_requests(
    *, provider_id: int, youth_id: int | None, references: list[str]
) -> tuple[bool, set[str]]:
    """TR374 (another request of this provider for this youth is still open) and TR347
    (which of these ReferentieAanbieder the provider used before, for allocation or for
    change), over both request tables in one query."""
    match = f"reference IN ({placeholders(references)})"
    params: list[str | int] = [provider_id, *references]
    if youth_id is not None:
        match = f"({match} OR (youth_id = %s AND status = %s))"
        params += [youth_id, RequestStatus.OPEN.value]
    select = "SELECT reference, youth_id, status FROM {} WHERE provider_id = %s AND " + match  # noqa: S608
    sql = " UNION ALL ".join(
        select.format(model._meta.db_table) for model in (AllocationRequest, ChangeRequest)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params * 2)
        rows = cursor.fetchall()
    open_request, used = False, set()
    for reference, row_youth_id, status in rows:
        if reference in references:
            used.add(reference)
        if youth_id is not None and row_youth_id == youth_id and status == RequestStatus.OPEN:
            open_request = True
    return open_request, used


def allocations_by_number(
    *, municipality_id: int, provider_id: int, numbers: list[str], with_periods: bool
) -> dict[str, tuple[Allocation, list[DeliveryPeriod]]]:
    """The provider's allocations in the municipality with these numbers, each with the
    youth's BSN key as ``youth_bsn_index`` and, when asked, its delivery periods by start."""
    allocations, youth = Allocation._meta.db_table, Youth._meta.db_table
    columns, join = "", ""
    if with_periods:
        end = connection.ops.quote_name("end")
        columns = f", p.id AS period_id, p.start AS period_start, p.{end} AS period_end"
        join = f"LEFT JOIN {DeliveryPeriod._meta.db_table} p ON p.allocation_id = a.id "
    rows = Allocation.objects.raw(
        f"SELECT a.*, y.bsn_index AS youth_bsn_index{columns} FROM {allocations} a "  # noqa: S608
        f"JOIN {youth} y ON y.id = a.youth_id {join}WHERE a.municipality_id = %s "
        f"AND a.provider_id = %s AND a.number IN ({placeholders(numbers)}) "
        f"ORDER BY a.id{', p.start' if with_periods else ''}",
        [municipality_id, provider_id, *numbers],
    )
    found: dict[str, tuple[Allocation, list[DeliveryPeriod]]] = {}
    for row in rows:
        allocation, periods = found.setdefault(row.number, (row, []))
        period_id = getattr(row, "period_id", None)
        if row.pk != allocation.pk or period_id is None:
            continue
        start, end_date = getattr(row, "period_start", None), getattr(row, "period_end", None)
        period = DeliveryPeriod.from_db(
            "default",
            ["id", "allocation_id", "start", "end"],
            [period_id, allocation.pk, as_date(start), as_date(end_date)],
        )
        period.allocation = allocation
        periods.append(period)
    return found


def earlier_declarations(
    *, provider_id: int, municipality_id: int, number: str, inbox_id: int
) -> tuple[bool, dt.date | None]:
    """TR333 (the provider used this DeclaratieNummer before) and TR318 (the period of its
    latest declaration to this municipality that was not refused whole), leaving out the
    message ``inbox_id`` itself."""
    table = InboxMessage._meta.db_table
    sql = (
        "SELECT SUM(CASE WHEN reference = %s AND duplicate_of_id IS NULL THEN 1 ELSE 0 END), "  # noqa: S608
        "MAX(CASE WHEN municipality_id = %s THEN declaration_period END) "
        f"FROM {table} WHERE provider_id = %s AND message_type = %s AND id <> %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [number, municipality_id, provider_id, "JW323", inbox_id])
        row = cursor.fetchone()
    used, latest = row if row is not None else (0, None)
    return bool(used), as_date(latest)


def earlier_declaration_lines(
    *, provider_id: int, references: set[str], previous: set[str], allocation_ids: list[int]
) -> list[DeclarationLine]:
    """The provider's lines with these references (TR314) or the debits and credits these
    credits name (TR323, TR390), and every approved line of these allocations (TR389, the
    totals of TR322/TR369)."""
    mine = f"reference IN ({placeholders(references)})"
    params: list[str | int | bool] = [provider_id, *sorted(references)]
    if previous:
        mine += f" OR reference IN ({placeholders(previous)})"
        mine += f" OR previous_reference IN ({placeholders(previous)})"
        params += [*sorted(previous), *sorted(previous)]
    params += [*allocation_ids, True]
    end = connection.ops.quote_name("end")
    table = DeclarationLine._meta.db_table
    return list(
        DeclarationLine.objects.raw(
            f"SELECT id, provider_id, reference, previous_reference, allocation_id, start, "  # noqa: S608
            f"{end}, is_credit, approved, volume, amount FROM {table} "
            f"WHERE (provider_id = %s AND ({mine})) "
            f"OR (allocation_id IN ({placeholders(allocation_ids)}) AND approved = %s)",
            params,
        )
    )


def task_lock(key: int) -> None:
    """Take the session advisory lock ``key`` (PostgreSQL); held until ``task_unlock`` or
    the end of the session, whatever ends it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [key])


def task_unlock(key: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def task_lock_free(key: int) -> bool:
    """Whether no session holds the advisory lock ``key`` (taken and let go at once)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        (free,) = cursor.fetchone() or (False,)
        if free:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
    return bool(free)
