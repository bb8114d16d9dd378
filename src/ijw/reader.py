# SPDX-License-Identifier: EUPL-1.2
"""Our own implementation of what the official XSDs check, while building the objects.

One pass over the element tree against the compiled structure of the message type:
element order and cardinality (every content model of iJw 3.2 is a plain sequence of
distinctly named elements, so a greedy match is exact), no text in element-only content,
no attributes except ``xsi:schemaLocation``/``xsi:noNamespaceSchemaLocation`` and an
``xsi:type`` naming the declared type, and the simple type of every leaf. A complex element
with a problem anywhere below it yields no object; the message is then ``None``.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ijw.fastpath import FAIL, read_fast
from ijw.findings import TECHNICAL_REJECTION, Finding, FindingKind
from ijw.lexical import XML_WHITESPACE, LexicalError, UnrepresentableError
from ijw.messages import Message
from ijw.messagetypes import BY_NAMESPACE, MessageType
from ijw.paths import element_path, local_name
from ijw.structure import FieldNode, Node, message_tree

XSI = "http://www.w3.org/2001/XMLSchema-instance"
_XSI_TYPE = f"{{{XSI}}}type"
_XSI_IGNORED = frozenset({f"{{{XSI}}}schemaLocation", f"{{{XSI}}}noNamespaceSchemaLocation"})
_ANY_ATTRIBUTE = etree.XPath("boolean(//@*)")


class _Reader:
    __slots__ = ("check_attributes", "errors", "findings", "incomplete", "leaf_texts", "root_name")

    def __init__(self, root_name: str, *, check_attributes: bool) -> None:
        self.root_name = root_name
        self.check_attributes = check_attributes
        self.findings: list[Finding] = []
        self.errors = 0
        # The text of every leaf read: with it, one comparison finds text in places where
        # only elements may be (see ``mixed_content``).
        self.leaf_texts: list[str] = []
        # Set when the walk skipped part of the tree or already reported misplaced text.
        self.incomplete = False

    # --- findings ----------------------------------------------------------------------

    def fail(
        self,
        element: etree._Element,
        rule: str,
        message: str,
        *,
        kind: FindingKind = FindingKind.SCHEMA,
        location: str | None = None,
    ) -> None:
        self.errors += 1
        self.findings.append(
            Finding(
                code=TECHNICAL_REJECTION,
                rule=rule,
                location=location or element_path(element, self.root_name),
                message=message,
                kind=kind,
                line=source_line(element),
            )
        )

    def structure(
        self, element: etree._Element, message: str, *, location: str | None = None
    ) -> None:
        """A structural problem: the walk does not see (all) text below this point."""
        self.incomplete = True
        self.fail(element, "STRUCTUUR", message, location=location)

    # --- complex content ---------------------------------------------------------------

    def complex(self, element: etree._Element, node: Node) -> Any:
        errors_before = self.errors
        if self.check_attributes and len(element.attrib):
            self.attributes(element, node.type_qname)
        fields = node.fields
        position = node.position
        required_before = node.required_before
        values: dict[str, Any] = {}
        current = -1  # position of the field matched last
        leaf_texts = self.leaf_texts
        for child in element:
            index = position.get(child.tag)
            if index is None or index < current:
                self.unexpected(element, node, child)
                return None
            field = fields[index]
            if index == current:  # a repeat: only wrapper items repeat, handled in items()
                self.unexpected(element, node, child)
                return None
            if required_before[index] != required_before[current + 1]:
                self.missing_before(element, node, current + 1, child)
                return None
            current = index
            read = field.read
            if read is not None:
                if len(child):
                    self.structure(child, f"{field.local} mag geen elementen bevatten.")
                    continue
                if self.check_attributes and len(child.attrib):
                    self.attributes(child, field.leaf_type_qname)
                text: str = child.text or ""
                leaf_texts.append(text)
                try:
                    value = read(text)
                except ValueError as error:
                    self.leaf_failed(child, field, error)
                    continue
            elif field.items:
                value = self.items(child, field.node)  # type: ignore[arg-type]
            else:
                value = self.complex(child, field.node)  # type: ignore[arg-type]
            if field.attr:
                values[field.attr] = value
        if current == -1:
            own_text = element.text
            if own_text is not None and own_text.strip(XML_WHITESPACE):
                self.structure(element, f"{_name(element)} mag geen tekst bevatten.")
        if required_before[-1] != required_before[current + 1]:
            self.missing_before(element, node, current + 1, None)
            return None
        if self.errors != errors_before:
            return None
        return node.cls(**values)  # type: ignore[misc]

    def items(self, element: etree._Element, node: Node) -> list[Any] | None:
        """The repeated items of a wrapper element (``Relaties`` → ``Relatie``…)."""
        errors_before = self.errors
        if self.check_attributes and len(element.attrib):
            self.attributes(element, node.type_qname)
        field = node.fields[0]
        tag = field.tag
        read = field.read
        result: list[Any] = []
        for child in element:
            if child.tag != tag:
                self.unexpected(element, node, child)
                return None
            if read is None:
                result.append(self.complex(child, field.node))  # type: ignore[arg-type]
                continue
            if len(child):
                self.structure(child, f"{field.local} mag geen elementen bevatten.")
                continue
            if self.check_attributes and len(child.attrib):
                self.attributes(child, field.leaf_type_qname)
            text: str = child.text or ""
            self.leaf_texts.append(text)
            try:
                result.append(read(text))
            except ValueError as error:
                self.leaf_failed(child, field, error)
        if not result and self.errors == errors_before:
            own_text = element.text
            if own_text is not None and own_text.strip(XML_WHITESPACE):
                self.structure(element, f"{_name(element)} mag geen tekst bevatten.")
            self.missing_before(element, node, 0, None)
            return None
        if self.errors != errors_before:
            return None
        return result

    def missing_before(
        self, element: etree._Element, node: Node, start: int, found: etree._Element | None
    ) -> None:
        field = next(field for field in node.fields[start:] if field.min_occurs)
        self.missing(element, field, found)

    def mixed_content(self, root: etree._Element) -> None:
        """Report every element that has both child elements and non-whitespace text."""
        for element in root.iter():
            if not len(element):
                continue
            texts = [element.text, *(child.tail for child in element)]
            if any(text and text.strip(XML_WHITESPACE) for text in texts):
                self.structure(element, f"{_name(element)} mag geen tekst bevatten.")

    def missing(
        self, element: etree._Element, field: FieldNode, found: etree._Element | None
    ) -> None:
        where = element_path(element, self.root_name)
        if found is None:
            message = f"{_name(element)} mist het verplichte element {field.local}."
        else:
            message = f"{_name(element)}: verwacht {field.local}, gevonden {local_name(found.tag)}."
        self.structure(element, message, location=f"{where}/{field.local}")

    def unexpected(self, element: etree._Element, node: Node, child: etree._Element) -> None:
        name = local_name(child.tag)
        known = {field.tag for field in node.fields}
        if child.tag in known:
            message = f"{name} staat op de verkeerde plaats of komt te vaak voor."
        elif isinstance(child.tag, str) and name in {field.local for field in node.fields}:
            message = f"{name} heeft de verkeerde namespace ({etree.QName(child).namespace})."
        else:
            message = f"{name} is hier niet toegestaan."
        self.structure(child, f"{_name(element)}: {message}")

    def attributes(self, element: etree._Element, type_qname: str | None) -> None:
        for raw_name, raw_value in element.attrib.items():
            name, value = str(raw_name), str(raw_value)
            if name in _XSI_IGNORED:
                continue
            if name == _XSI_TYPE and type_qname is not None:
                if _resolve_qname(element, value) == type_qname:
                    continue
                self.fail(element, "STRUCTUUR", f"xsi:type '{value}' past niet bij het element.")
                continue
            self.fail(element, "STRUCTUUR", f"Attribuut {local_name(name)} is niet toegestaan.")

    # --- simple content ----------------------------------------------------------------

    def leaf_failed(self, element: etree._Element, field: FieldNode, error: ValueError) -> None:
        assert field.leaf is not None
        if isinstance(error, UnrepresentableError):
            self.fail(
                element, error.rule, f"{field.local}: {error.message}.", kind=FindingKind.LIMIT
            )
            return
        if not isinstance(error, LexicalError):
            raise error
        rule = field.rule if field.rule and error.rule == "PATROON" else error.rule
        message = error.message
        if field.sensitive:
            message = f"voldoet niet aan {field.leaf.description}"
        self.fail(element, rule, f"{field.local}: {message}.")


def source_line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _name(element: etree._Element) -> str:
    return local_name(element.tag)


def _resolve_qname(element: etree._Element, value: str) -> str | None:
    prefix, colon, local = value.rpartition(":")
    if not local or any(char in value for char in XML_WHITESPACE) or ":" in prefix:
        return None
    namespace = element.nsmap.get(prefix if colon else None)
    if namespace is None:
        return None
    return f"{{{namespace}}}{local}"


def message_type_of(root: etree._Element) -> MessageType | None:
    tag = root.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return None
    namespace, _, local = tag[1:].partition("}")
    if local != "Bericht":
        return None
    return BY_NAMESPACE.get(namespace)


def read_message(
    tree: etree._ElementTree,
    *,
    fast: bool = True,
    message_type: MessageType | None = None,
) -> tuple[Message | None, list[Finding]]:
    """The typed message in ``tree`` and the schema-level findings.

    A message without attributes is first read by the generated reader (``fastpath``);
    when that gives up, or with ``fast=False``, the reader below reads and explains.
    ``message_type`` saves looking at the root again when the caller already did.
    """
    root = tree.getroot()
    message_type = message_type or message_type_of(root)
    if message_type is None:
        finding = Finding(
            code=TECHNICAL_REJECTION,
            rule="STRUCTUUR",
            location="/" + local_name(root.tag),
            message=(
                f"Onbekend bericht: rootelement {root.tag!s} is geen Bericht uit een "
                "iJw 3.2-namespace (JW301 … JW325)."
            ),
            kind=FindingKind.SCHEMA,
            line=source_line(root),
        )
        return None, [finding]
    if fast:
        try:
            message, texts = read_fast(message_type, root)
        except ValueError:
            message = FAIL
        if message is not FAIL and _solid(_all_text(root)) == _solid("".join(texts)):
            return message, []
    reader = _Reader(message_type.value, check_attributes=bool(_ANY_ATTRIBUTE(tree)))
    node = message_tree(message_type).node
    assert node is not None
    message = reader.complex(root, node)
    if not reader.incomplete and _solid(_all_text(root)) != _solid("".join(reader.leaf_texts)):
        reader.mixed_content(root)
        message = None
    return message, reader.findings


def _all_text(root: etree._Element) -> str:
    return etree.tostring(root, method="text", encoding=str, with_tail=False)


def _solid(text: str) -> int:
    """The number of characters that are not XML whitespace."""
    return len(text) - text.count(" ") - text.count("\t") - text.count("\n") - text.count("\r")
