# SPDX-License-Identifier: EUPL-1.2
"""Rule sets: one YAML file per version in `framework/rulesets/`, each checked against a
strict schema when loaded (`schema.parse_ruleset`); the `Registry` holds the versions,
refuses two versions with the same id or a fact whose type differs between versions, and
selects the version that holds on a request date (none or two is a `VersionError`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path

from jeugdregie.framework.engine.definitions import FactDef, RuleSet, RuleSetError
from jeugdregie.framework.engine.schema import parse_ruleset

RULESETS_DIR = Path(__file__).resolve().parent.parent / "rulesets"


class VersionError(LookupError):
    """No rule set, or more than one, matches a request date or a version id."""


def load_ruleset(path: Path) -> RuleSet:
    return parse_ruleset(path.read_text(encoding="utf-8"), str(path))


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


def load_registry(directory: Path = RULESETS_DIR) -> Registry:
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise RuleSetError(str(directory), ["no rule set files (*.yaml)"])
    return Registry(load_ruleset(path) for path in files)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The rule sets shipped in `framework/rulesets/` (loaded once per process)."""
    return load_registry(RULESETS_DIR)
