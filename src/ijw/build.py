# SPDX-License-Identifier: EUPL-1.2
"""``build()``: a typed message → the bytes of the message.

Output: UTF-8 without BOM, an XML declaration, root ``Bericht`` with the prefixes the
official samples use (``ijw`` for the basisschema, ``jw3NN`` for the message), every
element namespace-qualified, indented with tabs like the samples. BerichtCode,
BerichtVersie and BerichtSubversie are written from the message type.

``build()`` refuses to produce a message that breaks the schema: it reads its own output
back with the schema-level checks and raises ``BuildError`` with the findings. In-message
rules are not enforced here (a retour must be able to copy a faulty primary message); call
``ijw.check(message)`` for those.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ijw.findings import Finding, FindingKind
from ijw.messages import Message
from ijw.messagetypes import BASIS_NS, BASIS_PREFIX, BERICHT_SUBVERSIE, BERICHT_VERSIE
from ijw.reader import read_message
from ijw.structure import FieldNode, Node, message_tree

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


class BuildError(ValueError):
    """The message cannot be written as a schema-valid iJw message."""

    def __init__(self, message: str, findings: list[Finding] | None = None) -> None:
        super().__init__(message)
        self.findings = findings or []


def build(message: Message, *, check: bool = True) -> bytes:
    """Write ``message`` as XML bytes (see the module documentation)."""
    message_type = message.message_type
    tree = message_tree(message_type)
    assert tree.node is not None
    root = etree.Element(
        tree.tag, nsmap={BASIS_PREFIX: BASIS_NS, message_type.prefix: message_type.namespace}
    )
    constants: dict[str, object] = {
        "BerichtCode": message_type.bericht_code,
        "BerichtVersie": int(BERICHT_VERSIE),
        "BerichtSubversie": int(BERICHT_SUBVERSIE),
    }
    _Writer(message_type.value, constants).fill(root, message, tree.node, message_type.value)
    etree.indent(root, space="\t")
    data = XML_DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False) + b"\n"
    if check:
        _, findings = read_message(etree.ElementTree(etree.fromstring(data)))
        problems = [finding for finding in findings if finding.kind is not FindingKind.RULE]
        if problems:
            raise BuildError(f"{message_type.value} is niet schema-geldig: {problems[0]}", problems)
    return data


class _Writer:
    def __init__(self, root_name: str, constants: dict[str, object]) -> None:
        self.root_name = root_name
        self.constants = constants

    def fill(self, element: etree._Element, value: Any, node: Node, path: str) -> None:
        if node.cls is not None and not isinstance(value, node.cls):
            raise BuildError(f"{path}: verwacht {node.cls.__name__}, kreeg {type(value).__name__}")
        for attr in node.omitted:
            if getattr(value, attr):
                raise BuildError(f"{path}: {attr} hoort alleen in een retourbericht.")
        for field in node.fields:
            if not field.attr:
                self.leaf(element, field, self.constants[field.local], path)
                continue
            field_value = getattr(value, field.attr)
            if field_value is None or (isinstance(field_value, list) and not field_value):
                if field.min_occurs:
                    raise BuildError(f"{path}/{field.local} is verplicht.")
                continue
            self.write(element, field, field_value, f"{path}/{field.local}")

    def write(self, parent: etree._Element, field: FieldNode, value: Any, path: str) -> None:
        if field.leaf is not None:
            self.leaf(parent, field, value, path)
            return
        assert field.node is not None
        child = etree.SubElement(parent, field.tag)
        if field.node.cls is not None:
            self.fill(child, value, field.node, path)
            return
        if not isinstance(value, list):
            raise BuildError(f"{path}: verwacht een lijst, kreeg {type(value).__name__}")
        item_field = field.node.fields[0]
        for index, item in enumerate(value, start=1):
            self.write(child, item_field, item, f"{path}/{item_field.local}[{index}]")

    def leaf(self, parent: etree._Element, field: FieldNode, value: Any, path: str) -> None:
        assert field.leaf is not None
        try:
            text = field.leaf.write(value)
            etree.SubElement(parent, field.tag).text = text
        except (TypeError, ValueError) as error:
            raise BuildError(f"{path}: {error}") from error
