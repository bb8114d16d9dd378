# SPDX-License-Identifier: EUPL-1.2
"""A generated reader per message type for the common case: a message that is valid.

From the same compiled structure as ``reader`` this module writes straight-line Python
for every complex type (one ``if`` per element of the sequence, leaf checks inlined, the
object filled without calling ``__init__``) and compiles it once. The generated reader
has no error reporting at all: on anything unusual (an attribute anywhere, an unexpected
element, a value that does not pass) it gives up and ``reader`` reads the message again,
slowly, to explain what is wrong. Both must reach the same verdict and the same objects;
the differential and fuzz tests hold them to that.

``source(message_type)`` returns the generated code, for reading and debugging.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from collections.abc import Callable
from functools import cache
from typing import Any

from lxml import etree

from ijw.lexical import SIMPLE_DATE, SimpleType
from ijw.messagetypes import MessageType
from ijw.structure import FieldNode, Node, message_tree

FAIL: Any = object()
_TAG = operator.attrgetter("tag")
_KEYS = etree._Element.keys


class _Generator:
    """Writes one function per message type over the flat element list of a document.

    ``els`` are all elements in document order and ``tags`` their names. A complex element
    must have consumed exactly as many children as it has (``len``), each child its own
    subtree, so the positions consumed spell out the tree. Two shortcuts keep that exact:
    an optional element is tried without checking that the parent still has children left
    (taking an element that is not a child means the parent's count comes out too high:
    every real child comes before it in document order), and leaves are not asked for their
    child count (an element hidden under a leaf leaves a position over at the end: a
    pre-order list with child counts determines the tree). Both return ``FAIL``. The code
    for nested types is inlined (each level has its own ``expected``/``seen``; ``i`` is the
    shared position); a repeated element becomes a ``for`` loop.
    """

    def __init__(self) -> None:
        self.names: dict[str, Any] = {
            "FAIL": FAIL,
            "new": object.__new__,
            "SIMPLE_DATE": SIMPLE_DATE,
            "from_iso": dt.date.fromisoformat,
        }
        self.counter = 0

    def constant(self, prefix: str, value: Any) -> str:
        name = f"{prefix}{len(self.names)}"
        self.names[name] = value
        return name

    def variable(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def leaf(self, simple: SimpleType, target: str, indent: str) -> list[str]:
        """Code that reads the leaf at position ``i`` into ``target`` or returns FAIL."""
        lines = [
            f'{indent}text = els[i].text or ""',
            f"{indent}keep(text)",
        ]
        if simple.codes is not None:
            table = self.constant("CODES", simple.codes)
            lines += [
                f"{indent}{target} = {table}.get(text)",
                f"{indent}if {target} is None: return FAIL",
            ]
        elif simple.kind == "integer" and simple.maximum is not None:
            reader = self.constant("READ", simple.read)
            digits = len(str(simple.maximum))
            lines += [
                f"{indent}if text.isdigit() and text.isascii() and len(text) <= {digits}:",
                f"{indent}    {target} = int(text)",
                f"{indent}    if {target} > {simple.maximum}: return FAIL",
                f"{indent}else: {target} = {reader}(text)",
            ]
        elif simple.kind == "pinned" and simple.pinned is not None:
            reader = self.constant("READ", simple.read)
            lines += [
                f"{indent}if text == {simple.pinned!r}: {target} = {int(simple.pinned)}",
                f"{indent}else: {target} = {reader}(text)",
            ]
        elif simple.kind == "date":
            reader = self.constant("READ", simple.read)
            lines += [
                f"{indent}if SIMPLE_DATE(text) is not None: {target} = from_iso(text)",
                f"{indent}else: {target} = {reader}(text)",
            ]
        elif simple.fast is not None:
            matcher = self.constant("MATCH", simple.fast.fullmatch)
            lines += [
                f"{indent}if {matcher}(text) is None: return FAIL",
                f"{indent}{target} = text",
            ]
        else:
            reader = self.constant("READ", simple.read)
            lines += [f"{indent}{target} = {reader}(text)"]
        return [*lines, f"{indent}i += 1"]

    def element(self, field: FieldNode, target: str, indent: str) -> list[str]:
        """Code that reads the element at position ``i`` (of ``field``) into ``target``."""
        if field.leaf is not None:
            return self.leaf(field.leaf, target, indent)
        assert field.node is not None
        if field.node.cls is None:
            return self.items(field.node, target, indent)
        return self.sequence(field.node, target, indent)

    def sequence(self, node: Node, target: str, indent: str) -> list[str]:
        assert node.cls is not None
        expected, seen = self.variable("expected"), self.variable("seen")
        lines = [f"{indent}{expected} = len(els[i])", f"{indent}i += 1", f"{indent}{seen} = 0"]
        values: dict[str, str] = {}
        for field in node.fields:
            tag = self.constant("TAG", field.tag)
            value = self.variable("v")
            lines.append(f"{indent}if tags[i] == {tag}:")
            lines.extend(self.element(field, value, indent + "    "))
            lines.append(f"{indent}    {seen} += 1")
            if field.min_occurs:
                lines.append(f"{indent}else: return FAIL")
            else:
                absent = "[]" if field.node is not None and field.node.cls is None else "None"
                lines.append(f"{indent}else: {value} = {absent}")
            if field.attr:
                values[field.attr] = value
        lines.append(f"{indent}if {seen} != {expected}: return FAIL")
        cls = self.constant("CLASS", node.cls)
        lines.append(f"{indent}{target} = new({cls})")
        for item in dataclasses.fields(node.cls):
            value = values.get(item.name) or ("[]" if item.default_factory is list else "None")
            lines.append(f"{indent}{target}.{item.name} = {value}")
        return lines

    def items(self, node: Node, target: str, indent: str) -> list[str]:
        field = node.fields[0]
        tag = self.constant("TAG", field.tag)
        expected, value = self.variable("expected"), self.variable("v")
        return [
            f"{indent}{expected} = len(els[i])",
            f"{indent}if not {expected}: return FAIL",
            f"{indent}i += 1",
            f"{indent}{target} = []",
            f"{indent}for _ in range({expected}):",
            f"{indent}    if tags[i] != {tag}: return FAIL",
            *self.element(field, value, indent + "    "),
            f"{indent}    {target}.append({value})",
        ]


@cache
def _generated(message_type: MessageType) -> tuple[str, Callable[..., Any]]:
    root = message_tree(message_type).node
    assert root is not None
    generator = _Generator()
    body = generator.sequence(root, "message", "    ")
    code = "\n".join(
        [
            "def read(els, tags, texts):",
            "    keep = texts.append",
            "    i = 0",
            *body,
            "    if i != len(els): return FAIL",
            "    return message",
            "",
        ]
    )
    namespace = dict(generator.names)
    exec(compile(code, f"<ijw fast reader {message_type.value}>", "exec"), namespace)  # noqa: S102
    reader: Callable[..., Any] = namespace["read"]
    return code, reader


def read_fast(message_type: MessageType, root: etree._Element) -> tuple[Any, list[str]]:
    """(message or ``FAIL``, leaf texts). Gives up (``FAIL``) on any attribute; may raise
    ``ValueError`` from a leaf reader."""
    elements = list(root.iter())
    if any(map(_KEYS, elements)):
        return FAIL, []
    texts: list[str] = []
    tags = list(map(_TAG, elements))
    tags.append(None)  # a sentinel: the reader never looks past the end
    message = _generated(message_type)[1](elements, tags, texts)
    return message, texts


def source(message_type: MessageType) -> str:
    return _generated(message_type)[0]
