# SPDX-License-Identifier: EUPL-1.2
"""A case: typed facts, each optionally with who recorded it and why (spec §6, §8).

`parse_case` validates a case file against the fact vocabulary of the rule sets and
rejects it whole with a Dutch message naming the fact: unknown fact, wrong type, a date
that is not ISO 8601 (YYYY-MM-DD), money that is not a decimal string.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from jeugdregie.framework.engine.definitions import MONEY_PATTERN, FactDef

DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WRAPPER_KEYS = ("value", "recorded_by_role", "motivation")


class CaseFileError(ValueError):
    """A case file that cannot be read; `fact` names the offending fact when there is one."""

    def __init__(self, message: str, fact: str | None = None) -> None:
        self.fact = fact
        super().__init__(message)


@dataclass(frozen=True)
class FactValue:
    value: Any
    recorded_by_role: str | None = None
    motivation: str | None = None


@dataclass(frozen=True)
class Case:
    case_id: str
    facts: Mapping[str, FactValue] = field(default_factory=dict)

    def value(self, fact_id: str) -> Any:
        fact = self.facts.get(fact_id)
        return None if fact is None else fact.value

    @property
    def request_date(self) -> date | None:
        value = self.value("request_date")
        return value if isinstance(value, date) else None

    def with_facts(self, **changes: Any) -> Case:
        """A copy with facts set (a `FactValue` or a plain value) or removed (`None`)."""
        facts = dict(self.facts)
        for fact_id, value in changes.items():
            if value is None:
                facts.pop(fact_id, None)
            else:
                facts[fact_id] = value if isinstance(value, FactValue) else FactValue(value)
        return Case(self.case_id, facts)

    def to_json(self) -> dict[str, Any]:
        """The case in the case-file format (spec §8); `parse_case` reads it back."""
        facts: dict[str, Any] = {}
        for fact_id in sorted(self.facts):
            fact = self.facts[fact_id]
            plain = _to_json_value(fact.value)
            if fact.recorded_by_role is None and fact.motivation is None:
                facts[fact_id] = plain
            else:
                wrapped: dict[str, Any] = {"value": plain}
                if fact.recorded_by_role is not None:
                    wrapped["recorded_by_role"] = fact.recorded_by_role
                if fact.motivation is not None:
                    wrapped["motivation"] = fact.motivation
                facts[fact_id] = wrapped
        return {"case_id": self.case_id, "facts": facts}


def _to_json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, tuple):
        return list(value)
    return value


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _parse_value(fact: FactDef, raw: Any, ground_ids: frozenset[str]) -> Any:
    name = f"Feit '{fact.id}' ({fact.label})"
    if fact.type == "bool":
        if not isinstance(raw, bool):
            raise CaseFileError(f"{name}: verwacht true of false, niet {_shown(raw)}.", fact.id)
        return raw
    if fact.type == "int":
        if not isinstance(raw, int) or isinstance(raw, bool):
            raise CaseFileError(f"{name}: verwacht een geheel getal, niet {_shown(raw)}.", fact.id)
        return raw
    if fact.type == "date":
        if not isinstance(raw, str) or not DATE_PATTERN.match(raw):
            raise CaseFileError(
                f"{name}: {_shown(raw)} is geen datum in ISO 8601; gebruik JJJJ-MM-DD, "
                f'bijvoorbeeld "2022-03-14".',
                fact.id,
            )
        try:
            return date.fromisoformat(raw)
        except ValueError as exc:
            raise CaseFileError(f"{name}: {_shown(raw)} is geen bestaande datum.", fact.id) from exc
    if fact.type == "money":
        if not isinstance(raw, str) or not MONEY_PATTERN.match(raw):
            raise CaseFileError(
                f"{name}: bedrag {_shown(raw)} moet een decimale tekst zijn met een punt en "
                f'hoogstens twee decimalen, bijvoorbeeld "68.50".',
                fact.id,
            )
        return Decimal(raw)
    if fact.type == "enum":
        if raw not in fact.values:
            allowed = ", ".join(fact.values)
            raise CaseFileError(
                f"{name}: {_shown(raw)} is geen toegestane waarde (kies uit: {allowed}).", fact.id
            )
        return raw
    if fact.type == "grounds":
        if not isinstance(raw, list) or not all(isinstance(g, str) for g in raw):
            raise CaseFileError(
                f'{name}: verwacht een lijst met uitzonderingsgronden, bijvoorbeeld ["U12"].',
                fact.id,
            )
        unknown = [g for g in raw if g not in ground_ids]
        if unknown:
            raise CaseFileError(
                f"{name}: onbekende uitzonderingsgrond {', '.join(unknown)}.", fact.id
            )
        return tuple(dict.fromkeys(raw))
    raise CaseFileError(f"{name}: onbekend type '{fact.type}'.", fact.id)  # pragma: no cover


def _parse_fact(fact: FactDef, raw: Any, ground_ids: frozenset[str]) -> FactValue | None:
    role: str | None = None
    motivation: str | None = None
    if isinstance(raw, Mapping):
        unknown = sorted(set(raw) - set(WRAPPER_KEYS))
        if unknown or "value" not in raw:
            raise CaseFileError(
                f"Feit '{fact.id}': een feit als object heeft de sleutel 'value' en eventueel "
                f"'recorded_by_role' en 'motivation'"
                + (f"; onbekende sleutel {', '.join(unknown)}." if unknown else "."),
                fact.id,
            )
        role, motivation = raw.get("recorded_by_role"), raw.get("motivation")
        for key, text in (("recorded_by_role", role), ("motivation", motivation)):
            if text is not None and not isinstance(text, str):
                raise CaseFileError(f"Feit '{fact.id}': '{key}' moet een tekst zijn.", fact.id)
        raw = raw["value"]
    if raw is None:
        return None  # explicitly unknown
    motivation = motivation.strip() if motivation else None
    return FactValue(_parse_value(fact, raw, ground_ids), role or None, motivation or None)


def parse_case(data: Any, vocabulary: Mapping[str, FactDef], ground_ids: frozenset[str]) -> Case:
    """Validate a case file's content (already decoded JSON) and return the `Case`."""
    if not isinstance(data, Mapping) or "facts" not in data or "case_id" not in data:
        raise CaseFileError("Het casusbestand moet een JSON-object zijn met 'case_id' en 'facts'.")
    extra = sorted(set(data) - {"case_id", "facts"})
    if extra:
        raise CaseFileError(f"Het casusbestand heeft onbekende sleutels: {', '.join(extra)}.")
    case_id = data["case_id"]
    if not isinstance(case_id, str) or not case_id.strip():
        raise CaseFileError("'case_id' moet een niet-lege tekst zijn.")
    raw_facts = data["facts"]
    if not isinstance(raw_facts, Mapping):
        raise CaseFileError("'facts' moet een JSON-object zijn (feit: waarde).")
    facts: dict[str, FactValue] = {}
    for fact_id, raw in raw_facts.items():
        fact = vocabulary.get(fact_id)
        if fact is None:
            raise CaseFileError(
                f"Feit '{fact_id}' bestaat niet in het afwegingskader; controleer de spelling.",
                str(fact_id),
            )
        parsed = _parse_fact(fact, raw, ground_ids)
        if parsed is not None:
            facts[fact_id] = parsed
    return Case(case_id.strip(), facts)


def read_case_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseFileError(
            f"Het casusbestand is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})."
        ) from exc


def load_case_file(
    path: Path, vocabulary: Mapping[str, FactDef], ground_ids: frozenset[str]
) -> Case:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseFileError(f"Casusbestand {path} kan niet worden gelezen: {exc}.") from exc
    return parse_case(read_case_json(text), vocabulary, ground_ids)
