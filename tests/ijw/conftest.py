# SPDX-License-Identifier: EUPL-1.2
"""Where the official iJw material lives (read at test time, never copied into the repo).

``IJW_XSD_DIR`` and ``IJW_EXAMPLES_DIR`` override the defaults next to the repository
(``../shared/ijw/xsd`` and ``../shared/ijw/examples``), as CI clones it.
"""

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from ijw.messagetypes import BY_NAMESPACE

from .shared import examples_folder, xsd_folder


@pytest.fixture(scope="session")
def xsd_dir() -> Path:
    return xsd_folder()


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return examples_folder()


@pytest.fixture(scope="session")
def samples(examples_dir: Path) -> dict[str, bytes]:
    """The official sample messages by name (``"JW315"``)."""
    found = {path.stem: path.read_bytes() for path in sorted(examples_dir.glob("JW*.xml"))}
    assert len(found) == 8, sorted(found)
    return found


OfficialVerdict = Callable[[bytes], bool]


@pytest.fixture(scope="session")
def official_verdict(xsd_dir: Path) -> OfficialVerdict:
    """lxml + the official XSD: is ``data`` a schema-valid message of the type its root names?"""
    schemas: dict[str, etree.XMLSchema] = {}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

    def verdict(data: bytes) -> bool:
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError:
            return False
        message_type = BY_NAMESPACE.get(etree.QName(root).namespace or "")
        if message_type is None:
            return False
        if message_type.value not in schemas:
            schemas[message_type.value] = etree.XMLSchema(
                etree.parse(str(xsd_dir / message_type.schema_file))
            )
        return schemas[message_type.value].validate(root)

    return verdict
