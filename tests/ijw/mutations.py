# SPDX-License-Identifier: EUPL-1.2
"""Deterministic mutations of the official samples, for the differential test.

Each variant applies one to three mutations to a sample: a leaf gets another value
(plausible ones and nasty ones: impossible dates, bad BSNs, wrong codes, whitespace,
lengths around the limits, characters that mean something else in XSD regexes), an
element is dropped, duplicated, moved, renamed or put in another namespace, text or an
element or an attribute lands where it does not belong.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable, Iterator

from lxml import etree

BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

DATES = [
    "2026-01-01",
    "2024-02-29",
    "2026-02-29",
    "2100-02-29",
    "2000-02-29",
    "2027-06-31",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "02026-01-01",
    "-0001-01-01",
    "-0004-02-29",
    "+2026-01-01",
    " 2026-01-01 ",
    "\n\t2026-01-01\n",
    "2026-1-01",
    "2026-01-1",
    "20260101",
    "2026/01/01",
    "2026-01-01Z",
    "2026-01-01+01:00",
    "2026-01-01T00:00:00",
    "1890-01-01",
    "2030-12-31",
    "",
]
INTEGERS = [
    "0",
    "1",
    "7",
    "-0",
    "-1",
    "+5",
    "007",
    " 12 ",
    "1.0",
    "1e3",
    "99",
    "100",
    "99999",
    "100000",
    "99999999",
    "100000000",
    "999999999",
    "1000000000",
    "999999999999",
    "1000000000000",
    "0000000000000000000042",
    "",
    "\u0663",
    "12 3",
]
CODES = [
    "0",
    "1",
    "2",
    "3",
    "4",
    "6",
    "8",
    "9",
    "01",
    "02",
    "03",
    "04",
    "05",
    "06",
    "09",
    "10",
    "12",
    "13",
    "14",
    "16",
    "20",
    "31",
    "36",
    "39",
    "45",
    "55",
    "56",
    "82",
    "83",
    "84",
    "99",
    "C",
    "D",
    "d",
    "NL",
    "BE",
    "XX",
    "TO",
    "0001",
    "0200",
    "8001",
    "9347",
    "S300",
    "1234",
    " 1",
    "1 ",
    "",
]
BSNS = ["999900006", "999900018", "999900067", "999900007", "123456789", "99990000", "9999000061"]
STRINGS = [
    "x",
    "Tom",
    " ",
    "\t",
    "a b",
    "\u00a0",
    "\u2003",
    "line\nbreak",
    "tab\there",
    "ABCDEF",
    "ABCDEFG",
    "\u00c9\u00e9\u1ef3",
    "\u1ef4",
    "...",
    "55A11",
    "55A111",
    "0201234567",
    "020-1234567",
    "1.0.0",
    "0.1.0",
    "01.0.0",
    "1.0",
    "12345678",
    "1234567",
    "0384",
    "03840",
    "abc@def.com",
    "D2026 05",
    "D202605",
    "\U0001f600",
    "",
]
TIMES = [
    "12:34:56",
    "00:00:00",
    "24:00:00",
    "23:59:60",
    "12:34",
    "12:34:56.5",
    "1:02:03",
    "12:34:56Z",
]
LENGTHS = [1, 4, 5, 8, 9, 12, 13, 20, 21, 24, 25, 35, 36, 37, 64, 65, 80, 81, 200, 201]


def _leaves(root: etree._Element) -> list[etree._Element]:
    return [element for element in root.iter() if len(element) == 0 and element is not root]


def _all(root: etree._Element) -> list[etree._Element]:
    return [element for element in root.iter() if element is not root]


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _value_for(element: etree._Element, rng: random.Random) -> str:
    name = _local(element)
    current = element.text or ""
    if "datum" in name.lower() or name in ("Dagtekening", "Datum", "DagtekeningRetour"):
        pool = DATES
    elif name == "Bsn":
        pool = BSNS
    elif name == "Toewijzingstijd":
        pool = TIMES
    elif current.isdigit() and len(current) in (1, 2, 4) and name not in ("Volume",):
        pool = CODES
    elif current.isdigit():
        pool = INTEGERS
    else:
        pool = STRINGS
    roll = rng.random()
    if roll < 0.6:
        return rng.choice(pool)
    if roll < 0.8:
        return rng.choice(DATES + INTEGERS + CODES + STRINGS)
    filler = rng.choice(["a", "9", " ", "é"])
    return filler * rng.choice(LENGTHS)


def change_value(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice(_leaves(root))
    element.text = _value_for(element, rng)


def plausible_value(root: etree._Element, rng: random.Random) -> None:
    """A value seen for an element of the same name in one of the samples."""
    element = rng.choice(_leaves(root))
    seen = HARVEST.get(_local(element))
    if seen:
        element.text = rng.choice(seen)


HARVEST: dict[str, list[str]] = {}


def harvest(roots: list[etree._Element]) -> None:
    found: dict[str, set[str]] = {}
    for root in roots:
        for element in _leaves(root):
            found.setdefault(_local(element), set()).add(element.text or "")
    HARVEST.clear()
    HARVEST.update({name: sorted(values) for name, values in found.items()})


def drop_element(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice(_all(root))
    parent = element.getparent()
    assert parent is not None
    parent.remove(element)


def duplicate_element(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice(_all(root))
    element.addnext(copy.deepcopy(element))


def swap_with_next(root: etree._Element, rng: random.Random) -> None:
    candidates = [element for element in _all(root) if element.getnext() is not None]
    element = rng.choice(candidates)
    following = element.getnext()
    assert following is not None
    following.addnext(element)


def move_element(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice(_all(root))
    target = rng.choice(
        [
            candidate
            for candidate in root.iter()
            if element not in candidate.iterancestors() and candidate is not element
        ]
    )
    target.insert(rng.randint(0, len(target)), element)


def rename_element(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice(_all(root))
    qname = etree.QName(element)
    choice = rng.random()
    if choice < 0.4:
        element.tag = f"{{{qname.namespace}}}{qname.localname}X"
    elif choice < 0.8:
        other = BASIS if qname.namespace != BASIS else root.nsmap.get(root.prefix)
        element.tag = f"{{{other}}}{qname.localname}"
    else:
        element.tag = qname.localname


def insert_unknown_element(root: etree._Element, rng: random.Random) -> None:
    parent = rng.choice(list(root.iter()))
    namespace = rng.choice([etree.QName(parent).namespace, BASIS, "urn:other"])
    child = etree.Element(f"{{{namespace}}}{rng.choice(['Extra', 'Bsn', 'Commentaar', 'Code'])}")
    child.text = rng.choice(["", "x", "1"])
    parent.insert(rng.randint(0, len(parent)), child)


def insert_text(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice(list(root.iter()))
    text = rng.choice(["x", "\u00a0", " \n\t ", "&", "  y  "])
    if len(element) and rng.random() < 0.5:
        child = rng.choice(list(element))
        child.tail = (child.tail or "") + text
    else:
        element.text = (element.text or "") + text


def add_child_to_leaf(root: etree._Element, rng: random.Random) -> None:
    leaf = rng.choice(_leaves(root))
    etree.SubElement(leaf, f"{{{etree.QName(leaf).namespace}}}Child")


def empty_element(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice(_all(root))
    for child in list(element):
        element.remove(child)
    element.text = rng.choice([None, "", " "])


def add_attribute(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice(list(root.iter()))
    qname = etree.QName(element)
    choice = rng.randrange(7)
    if choice == 0:
        element.set("foo", "bar")
    elif choice == 1:
        element.set(f"{{{XSI}}}schemaLocation", f"{qname.namespace} file.xsd")
    elif choice == 2:
        element.set(f"{{{XSI}}}nil", rng.choice(["true", "false"]))
    elif choice == 3:
        prefix = element.prefix or ""
        element.set(f"{{{XSI}}}type", f"{prefix}:{qname.localname}" if prefix else qname.localname)
    elif choice == 4:
        element.set(f"{{{XSI}}}type", rng.choice(["ijw:LDT_Datum", "ijw:CDT_Product", "xs:string"]))
    elif choice == 5:
        element.set("{http://www.w3.org/XML/1998/namespace}lang", "nl")
    else:
        element.set(f"{{{XSI}}}noNamespaceSchemaLocation", "x.xsd")


MUTATIONS: list[tuple[Callable[[etree._Element, random.Random], None], int]] = [
    (change_value, 30),
    (plausible_value, 30),
    (drop_element, 12),
    (duplicate_element, 12),
    (swap_with_next, 6),
    (move_element, 4),
    (rename_element, 4),
    (insert_unknown_element, 4),
    (insert_text, 4),
    (add_child_to_leaf, 3),
    (empty_element, 3),
    (add_attribute, 6),
]
_OPERATORS = [operator for operator, weight in MUTATIONS for _ in range(weight)]


def mutate(root: etree._Element, rng: random.Random) -> tuple[bytes, list[str]]:
    """One to three mutations of a copy of ``root``: (bytes, names of the mutations)."""
    root = copy.deepcopy(root)
    applied = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        operator = rng.choice(_OPERATORS)
        try:
            operator(root, rng)
        except (IndexError, ValueError, AssertionError):
            continue
        applied.append(operator.__name__)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8"), applied


def roots_of(samples: dict[str, bytes]) -> dict[str, etree._Element]:
    """The samples as trees (and their values harvested for ``plausible_value``)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    roots = {name: etree.fromstring(data, parser) for name, data in sorted(samples.items())}
    harvest(list(roots.values()))
    return roots


def variants(samples: dict[str, bytes], count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    """``count`` mutated samples: (description, bytes)."""
    rng = random.Random(seed)
    roots = roots_of(samples)
    names = sorted(roots)
    for number in range(count):
        name = rng.choice(names)
        data, applied = mutate(roots[name], rng)
        yield f"{number}:{name}:{'+'.join(applied)}", data
