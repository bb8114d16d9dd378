# SPDX-License-Identifier: EUPL-1.2
"""Optional validation against the official XSD files (the yardstick, not our implementation).

The folder is configuration (``IJW_XSD_DIR``); the schema files are never part of this
repository. Errors become findings with rule ``"XSD"``.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from lxml import etree

from ijw.findings import TECHNICAL_REJECTION, Finding, FindingKind
from ijw.messagetypes import MessageType

_lock = threading.Lock()


class SchemaUnavailableError(RuntimeError):
    """The XSD folder or a schema in it cannot be read."""


@cache
def official_schema(xsd_dir: str, message_type: MessageType) -> etree.XMLSchema:
    path = Path(xsd_dir) / message_type.schema_file
    if not path.is_file():
        raise SchemaUnavailableError(f"Schema {path} bestaat niet.")
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    try:
        return etree.XMLSchema(etree.parse(str(path), parser))
    except (etree.LxmlError, OSError) as error:
        raise SchemaUnavailableError(f"Schema {path} is niet te lezen: {error}") from error


def _location(path: str | None, message_type: MessageType) -> str:
    if not path:
        return "/" + message_type.value
    steps = [step.rpartition(":")[2] for step in path.strip("/").split("/")]
    return "/" + "/".join([message_type.value, *steps[1:]])


def validate_official(
    tree: etree._ElementTree, message_type: MessageType, xsd_dir: str | Path
) -> list[Finding]:
    """Validate ``tree`` with the official schema of ``message_type`` in ``xsd_dir``."""
    schema = official_schema(str(xsd_dir), message_type)
    with _lock:  # an XMLSchema keeps its error log on the object
        if schema.validate(tree):
            return []
        errors: list[etree._LogEntry] = [*schema.error_log]  # type: ignore[misc]
    return [
        Finding(
            code=TECHNICAL_REJECTION,
            rule="XSD",
            location=_location(error.path, message_type),
            message=f"Officieel schema: {error.message}",
            kind=FindingKind.XSD,
            line=error.line or None,
        )
        for error in errors
    ]
