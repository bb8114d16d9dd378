# SPDX-License-Identifier: EUPL-1.2
"""Importing many files: one after the other, or spread over worker processes.

Every file is received with ``inbox.message_receive`` (one transaction per message, a file
read before is skipped). With more than one worker the files are grouped per provider (the
8-digit AGB code in the header: the sender of a provider message, the receiver of a retour
on ours) and each group goes whole to one worker, in file order: the messages of one
provider keep their order (a stop before the new start, declarations month after month)
and two workers never touch the same provider's allocations or budget ledger. The groups
go to the workers one at a time, heaviest (most bytes) first, so that a worker that is
done takes the next and all finish at about the same time. A message that loses a race
with another worker (a unique key, a lock) is received again; the second time it sees
what the other one wrote.

Workers are forked processes with their own database connection; they die with the
command (so a killed import leaves no worker behind and can simply be run again). SQLite
allows one writer at a time, so there the import always runs in one process; so it does
inside a transaction of the caller, whose data the workers could not see.
"""

import contextlib
import ctypes
import gc
import multiprocessing
import os
import re
import signal
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, connections

import ijw
from jeugdregie.messaging.models import InboxMessage, OutboxMessage
from jeugdregie.messaging.services.context import import_run
from jeugdregie.messaging.services.inbox import Received, message_receive

__all__ = [
    "HEAD_BYTES",
    "PR_SET_PDEATHSIG",
    "RETRIES",
    "ImportFileError",
    "ImportResult",
    "default_workers",
    "files_import",
    "provider_key",
]

ImportResult = dict[str, Any]

_AGB = re.compile(rb"<(?:[\w.-]+:)?(?:Afzender|Ontvanger)>\s*(\d{8})\s*</")
HEAD_BYTES = 4096
RETRIES = 5
PR_SET_PDEATHSIG = 1


class ImportFileError(Exception):
    """A file cannot be read ("path: reason")."""


def default_workers() -> int:
    """One on SQLite (one writer at a time); else one per CPU, at most four."""
    if connection.vendor == "sqlite":
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def provider_key(path: Path) -> str:
    """The provider's AGB code in the file's header ("" when there is none to be seen)."""
    try:
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except OSError:
        return ""
    found = _AGB.search(head)
    return found.group(1).decode() if found else ""


def _retour_codes(retour: OutboxMessage) -> list[str]:
    """The retour's header codes: from the message it was just built from, else parsed."""
    message = retour.built
    if message is None:
        message, _findings = ijw.parse(bytes(retour.data), max_bytes=settings.IJW_MAX_BYTES)
    codes = getattr(message.header, "retour_codes", []) if message is not None else []
    return [str(code) for code in codes]


def _result(path: Path, received: Received) -> ImportResult:
    inbox, retour = received.inbox, received.retour
    return {
        "file": str(path),
        "message_type": inbox.message_type or None,
        "identificatie": inbox.identificatie or None,
        "outcome": inbox.status if received.new else "already_imported",
        "retour": (
            {
                "message_type": retour.message_type,
                "identificatie": retour.identificatie,
                "codes": _retour_codes(retour),
            }
            if retour is not None
            else None
        ),
    }


class _Sources:
    """Which files of a run were received before: read per chunk of files, not per file."""

    CHUNK = 500

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        self.sources = [str(path.resolve()) for path in paths]
        self.before: set[str] = set()
        self.read_up_to = 0
        self.this_run: set[str] = set()

    def new(self, index: int) -> bool:
        """True when nothing came from file ``index`` before (no query needed for it)."""
        if index >= self.read_up_to:
            chunk = self.sources[index : index + self.CHUNK]
            self.before |= set(
                InboxMessage.objects.filter(source__in=chunk)
                .order_by()
                .values_list("source", flat=True)
            )
            self.read_up_to = index + len(chunk)
        source = self.sources[index]
        new = source not in self.before and source not in self.this_run
        self.this_run.add(source)
        return new


def _receive(sources: _Sources, index: int) -> ImportResult:
    path, source = sources.paths[index], sources.sources[index]
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"{path}: {error.strerror or error}") from error
    new = sources.new(index)
    for attempt in range(RETRIES):
        try:
            received = message_receive(data=data, source=source, new_source=new and not attempt)
            return _result(path, received)
        except DatabaseError:
            # another worker wrote the same key or held a lock first: the transaction is
            # rolled back whole; receive the message again (it now sees the other's work)
            if attempt == RETRIES - 1:
                raise
    raise AssertionError("unreachable")


def _receive_all(paths: list[Path]) -> Iterator[ImportResult]:
    sources = _Sources(paths)
    with import_run():
        for index in range(len(paths)):
            yield _receive(sources, index)


def _receive_group(group: list[tuple[int, str]]) -> list[tuple[int, ImportResult]]:
    results = _receive_all([Path(name) for _index, name in group])
    return [(index, result) for (index, _name), result in zip(group, results, strict=True)]


def _die_with_parent(parent: int) -> None:
    """Worker start: a worker ends when the command ends, also on SIGKILL (Linux)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent:  # the command died before the line above
        os._exit(1)


def _groups(paths: list[Path]) -> list[list[tuple[int, str]]]:
    """The files per provider in file order, the heaviest group (most bytes) first."""
    per_provider: dict[str, list[tuple[int, str]]] = defaultdict(list)
    weight: Counter[str] = Counter()
    for index, path in enumerate(paths):
        key = provider_key(path)
        per_provider[key].append((index, str(path)))
        with contextlib.suppress(OSError):  # an unreadable file is reported when received
            weight[key] += path.stat().st_size
    return [per_provider[key] for key in sorted(per_provider, key=lambda k: (-weight[k], k))]


def files_import(
    paths: Iterable[Path],
    *,
    workers: int = 1,
    progress: Callable[[ImportResult], None] | None = None,
) -> list[ImportResult]:
    """Receive every file; the results in file order.

    ``progress`` is called per result: at once with one worker, at the end with more.
    """
    paths = list(paths)
    # Workers see committed data only: inside the caller's transaction the import runs here.
    alone = workers <= 1 or connection.vendor == "sqlite" or connection.in_atomic_block
    if alone or len(paths) < 2:
        results = []
        for result in _receive_all(paths):
            results.append(result)
            if progress is not None:
                progress(result)
        return results
    groups = _groups(paths)
    connections.close_all()  # every worker opens its own connection
    # What the command holds is shared with the workers as it is: no garbage collection in
    # a worker walks (and so copies) it.
    gc.collect()
    gc.freeze()
    context = multiprocessing.get_context("fork")
    try:
        with context.Pool(
            min(workers, len(groups)), initializer=_die_with_parent, initargs=(os.getpid(),)
        ) as pool:
            # one provider at a time, heaviest first: a worker that is done takes the next
            done = list(pool.imap_unordered(_receive_group, groups))
    finally:
        gc.unfreeze()
    ordered = sorted(item for group in done for item in group)
    results = [result for _index, result in ordered]
    if progress is not None:
        for result in results:
            progress(result)
    return results
