# SPDX-License-Identifier: EUPL-1.2
"""Rule sets: one YAML file per version in the policy tree (``policy/default/afwegingskader/``,
read by ``jeugdregie.core.policy``), each checked against a strict schema when loaded
(`schema.parse_ruleset`); the `Registry` holds the versions, refuses two versions with the
same id or a fact whose type differs between versions, and selects the version that holds
on a request date (none or two is a `VersionError`). A version corrected in place (a
misreading of the same source) keeps its earlier encoding in ``framework/superseded/``
(``<version>@<revision>.yaml``, byte for byte), so a receipt made under it still replays
(`ruleset_of_receipt`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from jeugdregie.core.policy import AFWEGINGSKADER, DEFAULT_REGION, PolicyFile, policy_versions
from jeugdregie.framework.engine.definitions import FactDef, RuleSet, RuleSetError
from jeugdregie.framework.engine.schema import parse_ruleset


class VersionError(LookupError):
    """No rule set, or more than one, matches a request date or a version id."""


def load_ruleset(path: Path) -> RuleSet:
    """A rule set from a loose file (tests, tools); the application reads the policy tree."""
    raw = path.read_bytes()
    ruleset = parse_ruleset(raw.decode("utf-8"), str(path))
    return replace(ruleset, file_sha256=hashlib.sha256(raw).hexdigest())


def ruleset_from_policy(file: PolicyFile) -> RuleSet:
    """A rule set from its file in the policy tree, with the SHA-256 of the file's bytes."""
    return replace(parse_ruleset(file.text, str(file.path)), file_sha256=file.sha256)


class Registry:
    """All versions of one rule set; selects the version by request date."""

    def __init__(self, rulesets: Iterable[RuleSet]) -> None:
        self.rulesets = tuple(sorted(rulesets, key=lambda r: r.valid_from))
        problems: list[str] = []
        seen: dict[str, RuleSet] = {}
        for ruleset in self.rulesets:
            if ruleset.version in seen:
                problems.append(f"version {ruleset.version} is defined twice")
            seen[ruleset.version] = ruleset
        self.vocabulary: dict[str, FactDef] = {}
        for ruleset in self.rulesets:
            for fact in ruleset.facts.values():
                known = self.vocabulary.get(fact.id)
                if known and (known.type, known.values, known.judgement) != (
                    fact.type,
                    fact.values,
                    fact.judgement,
                ):
                    problems.append(
                        f"fact {fact.id}: type, values or judgement differ between versions"
                    )
                self.vocabulary.setdefault(fact.id, fact)
        self.ground_ids = frozenset(r.id for rs in self.rulesets for r in rs.exceptions)
        if problems:
            raise RuleSetError("registry", problems)

    def get(self, version: str) -> RuleSet:
        for ruleset in self.rulesets:
            if ruleset.version == version:
                return ruleset
        known = ", ".join(r.version for r in self.rulesets)
        raise VersionError(
            f"Onbekende versie '{version}' van het afwegingskader (bekend: {known})."
        )

    def select(self, request_date: date) -> RuleSet:
        matches = [r for r in self.rulesets if r.valid_on(request_date)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise VersionError(
                f"Geen versie van het afwegingskader geldt op aanvraagdatum "
                f"{request_date.isoformat()}."
            )
        versions = ", ".join(r.version for r in matches)
        raise VersionError(
            f"Meer dan één versie van het afwegingskader geldt op aanvraagdatum "
            f"{request_date.isoformat()} ({versions}); de regelbestanden overlappen."
        )


SUPERSEDED_DIR = Path(__file__).resolve().parent.parent / "superseded"


@lru_cache(maxsize=1)
def superseded_rulesets() -> dict[str, RuleSet]:
    """The earlier encodings of corrected versions, by the SHA-256 of their bytes."""
    rulesets = (load_ruleset(path) for path in sorted(SUPERSEDED_DIR.glob("*.yaml")))
    return {ruleset.file_sha256: ruleset for ruleset in rulesets}


def ruleset_of_receipt(registry: Registry, *, version: str, file_sha256: str) -> RuleSet:
    """The rule set a receipt was evaluated under: the version in force in the tree, or the
    earlier encoding of it whose bytes the receipt names (a correction made since)."""
    current = registry.get(version)
    if file_sha256 and file_sha256 != current.file_sha256:
        earlier = superseded_rulesets().get(file_sha256)
        if earlier is not None and earlier.version == version:
            return earlier
    return current


def load_registry(directory: Path) -> Registry:
    """Every ``*.yaml`` of a loose directory (tests, tools)."""
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise RuleSetError(str(directory), ["no rule set files (*.yaml)"])
    return Registry(load_ruleset(path) for path in files)


@lru_cache(maxsize=8)
def _registry(files: tuple[PolicyFile, ...]) -> Registry:
    return Registry(ruleset_from_policy(file) for file in files)


def default_registry() -> Registry:
    """The afwegingskader of the policy tree: ``default/afwegingskader/``, or the region's
    own tree's (``JEUGDREGIE_POLICY_DIR``) when it has one; parsed once per set of files."""
    files = policy_versions(region=DEFAULT_REGION, kind=AFWEGINGSKADER)
    if not files:
        raise RuleSetError(f"{DEFAULT_REGION}/{AFWEGINGSKADER}", ["no rule set files"])
    return _registry(files)
