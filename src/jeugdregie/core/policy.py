# SPDX-License-Identifier: EUPL-1.2
"""Dated policy files: the one loader for every kind of policy (STYLE.md "policy as data").

Layout: ``<root>/<region code>/<kind>/<file>.yaml`` (or ``.yml``, ``.json``), one file per
version. Two roots: the built-in tree ``jeugdregie/policy/`` (package data) and, when the
setting ``JEUGDREGIE_POLICY_DIR`` names a directory, the region's own tree with the same
layout (a real region's policy is not in our repository).

Which files hold for a region and a kind:

1. the region's own tree, when it has files of that region and kind: they **replace** the
   built-in files of that region and kind (all of them; the two are never merged);
2. else the built-in files of that region and kind;
3. else the files of the region ``default`` (the product's policy for every region),
   chosen by the same two steps.

So a region's own tree adds regions and kinds, and overrides the kinds it has. The
``afwegingskader`` is one for every region (receipts do not name a region): its files may
only be under ``default/``.

Every file is a mapping with ``valid_from`` (a date, ``YYYY-MM-DD``), optionally
``valid_to`` (the last day it holds; the rule sets spell it ``valid_until``; absent or
empty: open-ended) and ``source`` (the document and section it comes from). The versions
of one region and kind may not overlap. Anything else is refused with a ``PolicyError``
naming the file. What a file holds beyond this envelope is read by the app that owns the
kind (the framework parses the rule sets, budgets the ceiling norms, ...).

Pure Python, no Django at import: the afwegingskader engine runs without Django. In a Django
process ``CoreConfig.ready`` registers where the region's own tree is (the setting).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "policy"
DEFAULT_REGION = "default"

AFWEGINGSKADER = "afwegingskader"
CEILING_NORMS = "ceiling_norms"
PERCEEL2 = "perceel2"
RETENTION = "retention"
STATUS_THRESHOLDS = "status_thresholds"
WAITING_LIST = "waiting_list"
KINDS = frozenset(
    {AFWEGINGSKADER, CEILING_NORMS, PERCEEL2, RETENTION, STATUS_THRESHOLDS, WAITING_LIST}
)
ONE_FOR_EVERY_REGION = frozenset({AFWEGINGSKADER})  # only under default/

SUFFIXES = frozenset({".yaml", ".yml", ".json"})
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class PolicyError(ValueError):
    """One or more policy files are refused; every problem names its file."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True, eq=False)
class PolicyFile:
    """One version of one kind of policy, as read from its file."""

    region: str
    kind: str
    path: Path
    raw: bytes = field(repr=False)  # the exact bytes of the file
    content: Mapping[str, Any] = field(repr=False)  # the whole file, envelope included
    valid_from: dt.date
    valid_to: dt.date | None
    source: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    @property
    def text(self) -> str:
        return self.raw.decode("utf-8")

    def in_force_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


# --- where the region's own tree is -----------------------------------------------------


def _no_local_dir() -> str:
    return ""


_local_dir_source: Callable[[], str] = _no_local_dir  # outside Django: the built-in tree only


def local_dir_register(source: Callable[[], str]) -> None:
    """Where the region's own tree is: called on every lookup, so a changed setting (a test's
    override) holds at once. Registered by ``CoreConfig.ready`` (the setting)."""
    global _local_dir_source
    _local_dir_source = source


def local_dir() -> Path | None:
    value = _local_dir_source()
    return Path(value) if value else None


# --- reading and checking -------------------------------------------------------------------


def _date(value: Any, key: str, where: str, problems: list[str]) -> dt.date | None:
    if isinstance(value, dt.datetime):
        problems.append(f"{where}: '{key}' must be a date (YYYY-MM-DD), not a time")
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    problems.append(f"{where}: '{key}' must be a date (YYYY-MM-DD), not {value!r}")
    return None


def _parse(raw: bytes, path: Path) -> Any:
    text = raw.decode("utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.safe_load(text)


def read_file(path: Path, *, region: str, kind: str, where: str = "") -> PolicyFile:
    """One policy file with its envelope checked (``where`` names it in errors)."""
    where = where or str(path)
    raw = path.read_bytes()
    try:
        content = _parse(raw, path)
    except (UnicodeDecodeError, ValueError, yaml.YAMLError) as error:
        raise PolicyError([f"{where}: cannot be read ({error})"]) from error
    if not isinstance(content, Mapping):
        raise PolicyError([f"{where}: must hold a mapping with valid_from and source"])
    problems: list[str] = []
    valid_from = None
    if content.get("valid_from") is None:
        problems.append(f"{where}: 'valid_from' is missing (the first day it holds)")
    else:
        valid_from = _date(content["valid_from"], "valid_from", where, problems)
    if "valid_to" in content and "valid_until" in content:
        problems.append(f"{where}: give 'valid_to' or 'valid_until', not both")
    end_key = "valid_until" if "valid_until" in content else "valid_to"
    end = content.get(end_key)
    valid_to = None if end in (None, "") else _date(end, end_key, where, problems)
    source = content.get("source")
    if not isinstance(source, str) or not source.strip():
        problems.append(f"{where}: 'source' is missing (the document and section)")
    if valid_from and valid_to and valid_to < valid_from:
        problems.append(f"{where}: '{end_key}' {valid_to} is before 'valid_from' {valid_from}")
    if problems:
        raise PolicyError(problems)
    assert valid_from is not None
    assert isinstance(source, str)
    return PolicyFile(region, kind, path, raw, content, valid_from, valid_to, source.strip())


def _overlaps(files: list[PolicyFile], where: Callable[[PolicyFile], str]) -> list[str]:
    problems = []
    ordered = sorted(files, key=lambda f: f.valid_from)
    for before, after in itertools.pairwise(ordered):
        if before.valid_to is None or before.valid_to >= after.valid_from:
            until = before.valid_to.isoformat() if before.valid_to else "open-ended"
            problems.append(
                f"{where(after)}: overlaps {where(before)} ({before.valid_from} to {until}); "
                f"versions of one kind may not overlap"
            )
    return problems


Files = dict[tuple[str, str], tuple[PolicyFile, ...]]  # (region, kind) -> versions, oldest first


def _read_root(root: Path, label: str) -> Files:
    """Every policy file under ``root``, checked, by (region, kind)."""
    if not root.is_dir():
        raise PolicyError([f"{label} {root}: is not a directory"])
    problems: list[str] = []
    found: Files = {}

    def where(file: PolicyFile) -> str:
        return f"{label} {file.region}/{file.kind}/{file.path.name}"

    for region_dir in sorted(p for p in root.iterdir() if not p.name.startswith(".")):
        if not region_dir.is_dir():
            problems.append(f"{label} {region_dir.name}: not a region folder")
            continue
        for kind_dir in sorted(p for p in region_dir.iterdir() if not p.name.startswith(".")):
            name = f"{label} {region_dir.name}/{kind_dir.name}"
            if kind_dir.name not in KINDS or not kind_dir.is_dir():
                known = ", ".join(sorted(KINDS))
                problems.append(f"{name}: not a kind of policy (a folder of: {known})")
                continue
            if kind_dir.name in ONE_FOR_EVERY_REGION and region_dir.name != DEFAULT_REGION:
                problems.append(
                    f"{name}: the {kind_dir.name} is one for every region; put its files "
                    f"under {DEFAULT_REGION}/{kind_dir.name}"
                )
                continue
            files = []
            for path in sorted(p for p in kind_dir.iterdir() if not p.name.startswith(".")):
                if path.suffix not in SUFFIXES or not path.is_file():
                    problems.append(f"{name}/{path.name}: not a policy file (.yaml, .json)")
                    continue
                try:
                    files.append(
                        read_file(
                            path,
                            region=region_dir.name,
                            kind=kind_dir.name,
                            where=f"{name}/{path.name}",
                        )
                    )
                except PolicyError as error:
                    problems.extend(error.problems)
            problems.extend(_overlaps(files, where))
            if files:
                found[region_dir.name, kind_dir.name] = tuple(
                    sorted(files, key=lambda f: f.valid_from)
                )
    if problems:
        raise PolicyError(problems)
    return found


@cache
def _tree(builtin: Path, local: Path | None) -> Files:
    files = _read_root(builtin, "policy")
    if local is not None:
        files.update(_read_root(local, "JEUGDREGIE_POLICY_DIR"))  # replaces per region + kind
    return files


def policy_tree() -> Mapping[tuple[str, str], tuple[PolicyFile, ...]]:
    """Every region's files per kind, the region's own tree over the built-in one (read and
    checked once per process and directory: a changed file is read after a restart)."""
    return _tree(BUILTIN_DIR, local_dir())


# --- the questions the apps ask -------------------------------------------------------------


def policy_versions(*, region: str, kind: str) -> tuple[PolicyFile, ...]:
    """Every version of ``kind`` that holds for ``region`` (see the module's rule), oldest
    first; empty when neither the region nor ``default`` has any."""
    if kind not in KINDS:
        raise PolicyError([f"{kind}: not a kind of policy"])
    tree = policy_tree()
    if kind in ONE_FOR_EVERY_REGION:
        region = DEFAULT_REGION
    return tree.get((region, kind)) or tree.get((DEFAULT_REGION, kind), ())


def policy_in_force(*, region: str, kind: str, on: dt.date) -> PolicyFile | None:
    """The version of ``kind`` in force for ``region`` on ``on``; None when none is."""
    for file in policy_versions(region=region, kind=kind):
        if file.in_force_on(on):
            return file
    return None


def policy_regions(*, kind: str) -> tuple[str, ...]:
    """The regions (``default`` included) that have files of ``kind`` of their own."""
    return tuple(sorted({region for region, k in policy_tree() if k == kind}))
