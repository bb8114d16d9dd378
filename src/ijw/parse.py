# SPDX-License-Identifier: EUPL-1.2
"""``parse()``: bytes in → typed message and findings."""

from __future__ import annotations

import os
from pathlib import Path

from ijw.findings import TECHNICAL_REJECTION, Finding, FindingKind
from ijw.hardening import DEFAULT_MAX_BYTES, read_xml
from ijw.messages import Message
from ijw.paths import resolve
from ijw.reader import message_type_of, read_message, source_line
from ijw.rules import check_message
from ijw.schema import validate_official

_REFUSING_KINDS = frozenset(
    {FindingKind.XML, FindingKind.SCHEMA, FindingKind.XSD, FindingKind.LIMIT}
)


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
    Never raises on bad input.
    """
    tree, findings = read_xml(data, max_bytes=max_bytes)
    if tree is None:
        return None, findings
    message, findings = read_message(tree)
    if xsd_dir:
        message_type = message_type_of(tree.getroot())
        if message_type is not None:
            findings.extend(validate_official(tree, message_type, Path(xsd_dir)))
    if any(finding.kind in _REFUSING_KINDS for finding in findings):
        return None, findings
    if message is not None and rules:
        root = tree.getroot()
        for finding in _rule_findings(message):
            element = resolve(root, finding.location)
            line = source_line(element) if element is not None else None
            findings.append(_with_line(finding, line))
    return message, findings


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
    if line is None or finding.line is not None:
        return finding
    return Finding(
        code=finding.code,
        rule=finding.rule,
        location=finding.location,
        message=finding.message,
        kind=finding.kind,
        severity=finding.severity,
        line=line,
    )
