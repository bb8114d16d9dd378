# SPDX-License-Identifier: EUPL-1.2
"""Checking a log's hash chain: every record recomputed, from the start or the checkpoint."""

from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Model
from django.utils.translation import gettext as _

from jeugdregie.audit import chain
from jeugdregie.audit.models import Checkpoint


@dataclass(frozen=True)
class Problem:
    """The first break in a chain."""

    seq: int
    kind: str  # "missing", "changed" or "head"
    message: str


@dataclass
class LogReport:
    log: str
    checkpoint: Checkpoint | None
    start_seq: int  # the checkpoint's sequence number, 0 without one
    count: int = 0  # records checked
    last_seq: int = 0
    last_hash: str = chain.GENESIS
    problem: Problem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def _missing(first: int, last: int) -> Problem:
    if first == last:
        message = _("record %(seq)s is missing") % {"seq": first}
    else:
        message = _("records %(first)s to %(last)s are missing") % {"first": first, "last": last}
    return Problem(seq=first, kind="missing", message=message)


def log_verify(model: type[Model], *, expect: Mapping[int, str] | None = None) -> LogReport:
    """Walk the chain of one log and recompute every hash; stop at the first break.

    ``expect``: sequence numbers with the hash they had when last seen (e.g. a head noted
    earlier): a record cut off the end of the log is only detectable this way.
    """
    log: str = model.LOG  # type: ignore[attr-defined]
    checkpoint = Checkpoint.objects.filter(log=log).order_by("-up_to_seq").first()
    start = checkpoint.up_to_seq if checkpoint is not None else 0
    report = LogReport(log=log, checkpoint=checkpoint, start_seq=start, last_seq=start)
    previous = checkpoint.last_hash if checkpoint is not None else chain.GENESIS
    report.last_hash = previous
    records = model._default_manager.filter(seq__gt=start).order_by("seq")
    for record in records.iterator(chunk_size=2000):
        seq: int = record.seq  # type: ignore[attr-defined]
        if seq != report.last_seq + 1:
            report.problem = _missing(report.last_seq + 1, seq - 1)
            return report
        computed = chain.record_hash(
            log=log, seq=seq, previous=previous, fields=chain.chain_fields(record)
        )
        if computed != record.hash:  # type: ignore[attr-defined]
            report.problem = Problem(
                seq=seq,
                kind="changed",
                message=_(
                    "record %(seq)s does not match its hash: it or its predecessor was changed"
                )
                % {"seq": seq},
            )
            return report
        previous = computed
        report.count += 1
        report.last_seq, report.last_hash = seq, computed
    for seq, expected in sorted((expect or {}).items()):
        problem = _expected(model, report, seq, expected)
        if problem is not None:
            report.problem = problem
            return report
    return report


def _expected(model: type[Model], report: LogReport, seq: int, expected: str) -> Problem | None:
    if seq <= report.start_seq:
        return None  # pruned; the checkpoint stands for it
    if seq > report.last_seq:
        return Problem(
            seq=seq,
            kind="head",
            message=_("record %(seq)s is missing: the log was cut short") % {"seq": seq},
        )
    found = model._default_manager.values_list("hash", flat=True).get(seq=seq)
    if found != expected:
        return Problem(
            seq=seq,
            kind="head",
            message=_("record %(seq)s has another hash than noted: the chain was rewritten")
            % {"seq": seq},
        )
    return None
