# SPDX-License-Identifier: EUPL-1.2
"""Findings: what is wrong with a message, where, which rule and which return code.

A finding is reported, never raised: ``parse()`` always returns a list of them. The kinds
follow the four levels of the standard (README §6):

- ``XML``: the bytes are not an acceptable XML document (malformed, DOCTYPE, too large).
  The receiver cannot even read the header; no retour is possible.
- ``SCHEMA``: our own check of what the official XSD prescribes (structure, cardinality,
  datatypes, patterns, lengths, ranges, code lists). Level 1: no retour message, the
  sender gets an error notification.
- ``XSD``: the same, reported by the official schema files when an XSD folder is given.
- ``LIMIT``: schema-valid, but outside what this library can represent (a year after 9999,
  the time 24:00:00); the message is refused like a schema failure.
- ``RULE``: an in-message (XSLT-level) rule, condition or constraint of README §7. Level 2:
  the retour holds only the header with return code ``0001`` and ``XsltVersie``.

A finding with ``severity`` WARNING names a process rule without a return code (OP/IV
rules); it is worth showing but does not make the message invalid.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

TECHNICAL_REJECTION = "0001"


class FindingKind(enum.StrEnum):
    XML = "xml"
    SCHEMA = "schema"
    XSD = "xsd"
    LIMIT = "limit"
    RULE = "rule"


class Severity(enum.StrEnum):
    ERROR = "fout"
    WARNING = "waarschuwing"


SCHEMA_LEVEL_KINDS = frozenset({FindingKind.XML, FindingKind.SCHEMA, FindingKind.XSD})


@dataclass(slots=True)
class Finding:
    """One problem in one message (a value: do not change it once it has been handed out).

    ``code`` is the iJw return code (WJ001) the receiver puts in the retour, e.g. ``"0001"``;
    ``None`` for process rules that carry no code. ``rule`` names the rule: an iJw rule id
    (``"CS002"``, ``"TR383"``), ``"XSD"`` for the official schema, or one of our schema-level
    checks (``"STRUCTUUR"``, ``"DATATYPE"``, ``"PATROON"``, ``"LENGTE"``, ``"BEREIK"``,
    ``"CODELIJST"``, ``"XML"``). ``location`` is an XPath-like path with the message type as
    root, e.g. ``/JW315/Client/AangevraagdeProducten/AangevraagdProduct[2]/Commentaar``;
    ``line`` the line number in the received bytes when known. ``message`` is Dutch.
    """

    code: str | None
    rule: str
    location: str
    message: str
    kind: FindingKind = FindingKind.RULE
    severity: Severity = Severity.ERROR
    line: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def is_schema_level(self) -> bool:
        """True for the findings the official schema also reports (or would have to)."""
        return self.kind in SCHEMA_LEVEL_KINDS

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "rule": self.rule,
            "location": self.location,
            "line": self.line,
            "severity": self.severity.value,
            "message": self.message,
        }

    def __str__(self) -> str:
        where = f"regel {self.line}, {self.location}" if self.line else self.location
        return f"[{self.rule}/{self.code or '-'}] {where}: {self.message}"


def has_errors(findings: list[Finding]) -> bool:
    return any(finding.is_error for finding in findings)


def schema_valid(findings: list[Finding]) -> bool:
    """The schema-level verdict: no XML, SCHEMA or XSD finding."""
    return not any(finding.is_schema_level for finding in findings)
