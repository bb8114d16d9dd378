# SPDX-License-Identifier: EUPL-1.2
"""Reading untrusted bytes as XML, safely.

- a size limit before anything else (default 10 MB);
- no DTD: a DOCTYPE is refused (before parsing when it is visible in the prolog, and in any
  case after parsing), so there are no entity declarations to expand (billion laughs,
  external entities) and nothing is fetched;
- libxml2 with ``resolve_entities=False``, ``no_network=True``, ``load_dtd=False`` and its
  default depth and size limits (``huge_tree=False``);
- comments and processing instructions are dropped while parsing; XML Schema ignores them.

Every problem becomes a ``Finding``; nothing here raises on bad input.
"""

from __future__ import annotations

import re
import threading

from lxml import etree

from ijw.findings import TECHNICAL_REJECTION, Finding, FindingKind

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_local = threading.local()
# The prolog: everything before the first start tag of an element.
_FIRST_START_TAG = re.compile(rb"<[A-Za-z_:\x80-\xff]")


def _parser() -> etree.XMLParser:
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
        )
        _local.parser = parser
    return parser


def _xml_finding(message: str, line: int | None = None) -> Finding:
    return Finding(
        code=TECHNICAL_REJECTION,
        rule="XML",
        location="/",
        message=message,
        kind=FindingKind.XML,
        line=line,
    )


def _has_dtd(tree: etree._ElementTree) -> bool:
    info = tree.docinfo  # any DOCTYPE declaration leaves an internal subset node
    return info.internalDTD is not None or info.externalDTD is not None


def read_xml(
    data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[etree._ElementTree | None, list[Finding]]:
    """Parse ``data`` into a tree, or explain in a finding why that is not acceptable."""
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        return None, [_xml_finding(f"Verwacht bytes, kreeg {type(data).__name__}.")]
    if len(data) > max_bytes:
        return None, [
            _xml_finding(
                f"Het bericht is {len(data):,} bytes; de grens is {max_bytes:,} bytes.".replace(
                    ",", "."
                )
            )
        ]
    start = _FIRST_START_TAG.search(data)
    prolog = data[: start.start()] if start else data
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        return None, [_doctype_finding()]
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        detail = str(error.msg or error).strip()
        return None, [_xml_finding(f"Geen welgevormde XML: {detail}.", line=error.lineno or None)]
    except (etree.LxmlError, ValueError) as error:
        return None, [_xml_finding(f"Geen leesbare XML: {error}.")]
    tree = root.getroottree()
    if _has_dtd(tree):
        return None, [_doctype_finding()]
    return tree, []


def _doctype_finding() -> Finding:
    return _xml_finding(
        "Een DOCTYPE (DTD, entiteiten) is niet toegestaan in een iJw-bericht; "
        "het bericht is niet verwerkt."
    )
