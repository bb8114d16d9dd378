# SPDX-License-Identifier: EUPL-1.2
"""The element tree of each message type, compiled from the class declarations.

For one message type this fixes what the declarations leave open: the namespace of every
element (children of ``CDT_…`` types are in the basisschema namespace, all others in the
message's own), the pinned header constants, the Afzender/Ontvanger type by direction, and
whether the classes carry ``RetourCodes`` (retour messages and JW325 only).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ijw import simpletypes as st
from ijw.datatypes import Header
from ijw.lexical import SimpleType
from ijw.messages import MESSAGE_CLASSES
from ijw.messagetypes import (
    BASIS_NS,
    BERICHT_SUBVERSIE,
    BERICHT_VERSIE,
    Direction,
    MessageType,
)
from ijw.spec import ElementSpec, IjwType, element_specs

# Rule ids of the standard that the schema's pinned header values implement.
HEADER_RULES = {"BerichtVersie": "CS025", "BerichtSubversie": "CS015"}


@dataclass(slots=True, eq=False)
class Node:
    """A complex type as it occurs in one message; ``cls`` is None for wrapper elements."""

    cls: type | None
    type_qname: str
    fields: list[FieldNode] = field(default_factory=list)
    # Attributes of ``cls`` that this message leaves out (RetourCodes of a primary message).
    omitted: tuple[str, ...] = ()
    # Derived by ``finish()`` for the reader: position of each element name, and the number
    # of required elements before each position.
    position: dict[str, int] = field(default_factory=dict)
    required_before: tuple[int, ...] = ()

    def finish(self) -> None:
        self.position = {child.tag: index for index, child in enumerate(self.fields)}
        counts = [0]
        for field_node in self.fields:
            counts.append(counts[-1] + (1 if field_node.min_occurs else 0))
        self.required_before = tuple(counts)


@dataclass(slots=True, eq=False)
class FieldNode:
    tag: str
    local: str
    attr: str  # "" for header constants and wrapper items
    min_occurs: int
    max_occurs: int | None
    leaf: SimpleType | None = None
    node: Node | None = None
    leaf_type_qname: str | None = None
    rule: str | None = None  # rule id reported for a pattern failure, when not "PATROON"
    sensitive: bool = False  # do not echo the value in findings (BSN)
    # Derived for the reader: the leaf's read function, and whether ``node`` is a wrapper.
    read: Callable[[str], Any] | None = None
    items: bool = False

    def __post_init__(self) -> None:
        self.finish()

    def finish(self) -> None:
        self.read = self.leaf.read if self.leaf is not None else None
        self.items = self.node is not None and self.node.cls is None


def carries_retour_codes(message_type: MessageType) -> bool:
    return message_type.is_retour or message_type is MessageType.JW325


def _qname(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


class _Compiler:
    def __init__(self, message_type: MessageType) -> None:
        self.message_type = message_type
        self.namespace = message_type.namespace
        self.retour = carries_retour_codes(message_type)

    def node(self, cls: type, element_name: str) -> Node:
        assert issubclass(cls, IjwType)
        namespace = BASIS_NS if cls.in_basisschema else self.namespace
        type_name = cls.xsd_type or element_name
        node = Node(cls, _qname(namespace, type_name))
        if issubclass(cls, Header):
            node.fields.extend(self._header_constants())
        omitted: list[str] = []
        for attr, spec in element_specs(cls):
            if spec.retour_codes and not self.retour:
                omitted.append(attr)
                continue
            node.fields.append(self.field(attr, spec, namespace))
        node.omitted = tuple(omitted)
        node.finish()
        return node

    def field(self, attr: str, spec: ElementSpec, namespace: str) -> FieldNode:
        if spec.wrapper is None:
            return self._single(attr, spec.name, spec, namespace)
        wrapper = Node(None, _qname(namespace, spec.wrapper))
        wrapper.fields.append(self._single("", spec.name, spec, namespace))
        wrapper.finish()
        return FieldNode(
            tag=_qname(namespace, spec.wrapper),
            local=spec.wrapper,
            attr=attr,
            min_occurs=0 if spec.wrapper_optional else 1,
            max_occurs=1,
            node=wrapper,
        )

    def _single(self, attr: str, name: str, spec: ElementSpec, namespace: str) -> FieldNode:
        target = spec.target
        if spec.retour_codes:
            target = st.RETOUR_CODE
        elif spec.party is not None:
            target = self._party_type(spec.party)
        result = FieldNode(
            tag=_qname(namespace, name),
            local=name,
            attr=attr,
            min_occurs=spec.min_occurs,
            max_occurs=spec.max_occurs,
            sensitive=name == "Bsn",
        )
        if isinstance(target, SimpleType):
            result.leaf = target
            result.leaf_type_qname = _qname(BASIS_NS, target.name) if target.name else None
        else:
            assert isinstance(target, type)
            result.node = self.node(target, name)
        result.finish()
        return result

    def _party_type(self, role: str) -> SimpleType:
        municipality_sends = self.message_type.header_direction is Direction.GEMEENTE_AAN_AANBIEDER
        if (role == "afzender") == municipality_sends:
            return st.GEMEENTE
        return st.AGB_CODE

    def _header_constants(self) -> list[FieldNode]:
        constants = (
            ("BerichtCode", st.header_constant(self.message_type.bericht_code, integer=False)),
            ("BerichtVersie", st.header_constant(BERICHT_VERSIE, integer=True)),
            ("BerichtSubversie", st.header_constant(BERICHT_SUBVERSIE, integer=True)),
        )
        return [
            FieldNode(
                tag=_qname(self.namespace, name),
                local=name,
                attr="",
                min_occurs=1,
                max_occurs=1,
                leaf=simple_type,
                rule=HEADER_RULES.get(name),
            )
            for name, simple_type in constants
        ]


@cache
def message_tree(message_type: MessageType) -> FieldNode:
    """The root element ``Bericht`` of a message type, as a field holding the message."""
    compiler = _Compiler(message_type)
    root = compiler.node(MESSAGE_CLASSES[message_type], "Bericht")
    return FieldNode(
        tag=_qname(message_type.namespace, "Bericht"),
        local="Bericht",
        attr="",
        min_occurs=1,
        max_occurs=1,
        node=root,
    )
