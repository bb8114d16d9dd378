# SPDX-License-Identifier: EUPL-1.2
"""Importing many files: one after the other here, or as tasks spread over workers.

Every file is received with ``inbox.message_receive`` (one transaction per message, a file
read before is skipped). ``files_import`` receives the files one after the other in this
process. Spread over workers (``import_batches``), the files are grouped per provider
(``file_groups``: the 8-digit AGB code in the header, the sender of a provider message,
the receiver of a retour on ours) and each group is one task, in file order: the messages
of one provider keep their order (a stop before the new start, declarations month after
month) and two workers never touch the same provider's allocations or budget ledger. A
message that loses a race with another worker (a unique key, a lock) is received again;
the second time it sees what the other one wrote.
"""

import contextlib
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection

import ijw
from jeugdregie.messaging.models import InboxMessage, OutboxMessage
from jeugdregie.messaging.services.context import import_run
from jeugdregie.messaging.services.inbox import Received, message_receive

__all__ = [
    "HEAD_BYTES",
    "RETRIES",
    "FileGroup",
    "ImportFileError",
    "ImportResult",
    "default_workers",
    "file_groups",
    "files_import",
    "group_import",
    "provider_key",
]

ImportResult = dict[str, Any]
# A provider's files in file order: (position in the whole import, path as given, path to
# read: absolute, so a worker in another directory finds it). JSON as a task argument.
FileGroup = list[tuple[int, str, str]]

_AGB = re.compile(rb"<(?:[\w.-]+:)?(?:Afzender|Ontvanger)>\s*(\d{8})\s*</")
HEAD_BYTES = 4096
RETRIES = 5


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


def _result(shown: str, received: Received) -> ImportResult:
    inbox, retour = received.inbox, received.retour
    return {
        "file": shown,
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


def _receive(sources: _Sources, index: int, shown: str) -> ImportResult:
    path, source = sources.paths[index], sources.sources[index]
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"{shown}: {error.strerror or error}") from error
    new = sources.new(index)
    for attempt in range(RETRIES):
        try:
            received = message_receive(data=data, source=source, new_source=new and not attempt)
            return _result(shown, received)
        except DatabaseError:
            # another worker wrote the same key or held a lock first: the transaction is
            # rolled back whole; receive the message again (it now sees the other's work)
            if attempt == RETRIES - 1:
                raise
    raise AssertionError("unreachable")


def _receive_all(paths: list[Path], shown: list[str]) -> Iterator[ImportResult]:
    sources = _Sources(paths)
    with import_run():
        for index in range(len(paths)):
            yield _receive(sources, index, shown[index])


def file_groups(paths: Iterable[Path]) -> list[FileGroup]:
    """The files per provider in file order, the heaviest group (most bytes) first."""
    per_provider: dict[str, FileGroup] = defaultdict(list)
    weight: Counter[str] = Counter()
    for index, path in enumerate(paths):
        key = provider_key(path)
        per_provider[key].append((index, str(path), str(path.absolute())))
        with contextlib.suppress(OSError):  # an unreadable file is reported when received
            weight[key] += path.stat().st_size
    return [per_provider[key] for key in sorted(per_provider, key=lambda k: (-weight[k], k))]


def group_import(group: FileGroup) -> tuple[list[tuple[int, ImportResult]], str | None]:
    """Receive one provider's files in order: each result with the file's position, and the
    reason a file could not be read ("path: reason"; the files after it are not read)."""
    paths = [Path(absolute) for _index, _shown, absolute in group]
    shown = [name for _index, name, _absolute in group]
    done: list[tuple[int, ImportResult]] = []
    try:
        for position, result in enumerate(_receive_all(paths, shown)):
            done.append((group[position][0], result))
    except ImportFileError as error:
        return done, str(error)
    return done, None


def files_import(
    paths: Iterable[Path], *, progress: Callable[[ImportResult], None] | None = None
) -> list[ImportResult]:
    """Receive every file here, one after the other; the results in file order, each also
    given to ``progress`` as soon as it is there."""
    paths = list(paths)
    results = []
    for result in _receive_all(paths, [str(path) for path in paths]):
        results.append(result)
        if progress is not None:
            progress(result)
    return results
