# SPDX-License-Identifier: EUPL-1.2
"""``parse()``: bytes in → typed message and findings; ``validate()`` with the type too."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ijw.findings import TECHNICAL_REJECTION, Finding, FindingKind
from ijw.hardening import DEFAULT_MAX_BYTES, read_xml
from ijw.messages import Message
from ijw.messagetypes import MessageType
from ijw.paths import resolve
from ijw.reader import message_type_of, read_message, source_line
from ijw.rules import check_message
from ijw.schema import validate_official

_REFUSING_KINDS = frozenset(
    {FindingKind.XML, FindingKind.SCHEMA, FindingKind.XSD, FindingKind.LIMIT}
)


@dataclass(frozen=True, slots=True)
class Validation:
    """What ``validate()`` found: the type named by the root (also for an invalid message),
    the typed message (``None`` unless schema-valid) and all findings."""

    message_type: MessageType | None
    message: Message | None
    findings: list[Finding]

    @property
    def valid(self) -> bool:
        """No finding with severity ERROR (warnings for process rules are allowed)."""
        return not any(finding.is_error for finding in self.findings)


def parse(
    data: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    xsd_dir: str | os.PathLike[str] | None = None,
    rules: bool = True,
) -> tuple[Message | None, list[Finding]]:
    """Read one iJw message.

    Returns the typed message (``None`` when the bytes are not a schema-valid message of a
    known type) and every finding: XML problems, schema-level problems found by our own
    checks, official-XSD problems when ``xsd_dir`` is given, and the in-message rules of
    the standard (only for a schema-valid message, as the standard's XSLT level does).
    Never raises on bad input (an unusable ``xsd_dir`` raises ``SchemaUnavailableError``).
    """
    result = validate(data, max_bytes=max_bytes, xsd_dir=xsd_dir, rules=rules)
    return result.message, result.findings


def validate(
    data: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    xsd_dir: str | os.PathLike[str] | None = None,
    rules: bool = True,
) -> Validation:
    """``parse()``, and also the message type the root element names."""
    tree, findings = read_xml(data, max_bytes=max_bytes)
    if tree is None:
        return Validation(None, None, findings)
    root = tree.getroot()
    message_type = message_type_of(root)
    message, findings = read_message(tree, message_type=message_type)
    if xsd_dir and message_type is not None:
        findings.extend(validate_official(tree, message_type, Path(xsd_dir)))
    if any(finding.kind in _REFUSING_KINDS for finding in findings):
        return Validation(message_type, None, findings)
    if message is not None and rules:
        for finding in _rule_findings(message):
            element = resolve(root, finding.location)
            line = source_line(element) if element is not None else None
            findings.append(_with_line(finding, line))
    return Validation(message_type, message, findings)


def _rule_findings(message: Message) -> list[Finding]:
    try:
        return check_message(message)
    except Exception as error:  # a bug in a rule must not take the caller down
        return [
            Finding(
                code=TECHNICAL_REJECTION,
                rule="INTERN",
                location="/" + message.message_type.value,
                message=f"Interne fout bij het controleren van de regels: {error!r}.",
            )
        ]


def _with_line(finding: Finding, line: int | None) -> Finding:
    """Attach the line to a finding the rules just made for this message."""
    if finding.line is None:
        finding.line = line
    return finding
