# SPDX-License-Identifier: EUPL-1.2
"""How a dataclass field maps onto an element of the standard.

Message classes declare their XML shape next to their Python fields::

    @dataclass(slots=True, kw_only=True)
    class Product(BasisType):
        categorie: ProductCategorie = el("Categorie", st.PRODUCT_CATEGORIE)
        code: str | None = opt("Code", st.PRODUCTCODE)

Field order is element order. ``structure.compile_message`` turns these declarations into
the element tree of one message type (namespaces, retour codes, header constants).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar

from ijw.lexical import SimpleType

META_KEY = "ijw"


@dataclass(frozen=True, slots=True)
class ElementSpec:
    """One element (or a wrapper element with repeated items) of a complex type."""

    name: str
    target: SimpleType | type | None
    min_occurs: int = 1
    max_occurs: int | None = 1  # None: unbounded
    wrapper: str | None = None  # the field is a list of ``name`` items inside ``wrapper``
    wrapper_optional: bool = False
    retour_codes: bool = False  # present (and required) only in retour messages
    party: str | None = None  # "afzender"/"ontvanger": type depends on the direction


class IjwType:
    """Base of all classes that map to a complex type of a message schema."""

    __slots__ = ()
    # XSD type name when it differs from the element name (``CDT_Adres`` for ``Adres``).
    xsd_type: ClassVar[str | None] = None
    # True for the CDT_ types of the basisschema: their children are in its namespace.
    in_basisschema: ClassVar[bool] = False


class BasisType(IjwType):
    """A ``CDT_…`` complex type from the basisschema."""

    __slots__ = ()
    in_basisschema = True


def el(name: str, target: SimpleType | type) -> Any:
    """A required element that occurs once."""
    return dataclasses.field(metadata={META_KEY: ElementSpec(name, target)})


def opt(name: str, target: SimpleType | type) -> Any:
    """An optional element (``None`` when absent)."""
    return dataclasses.field(
        default=None, metadata={META_KEY: ElementSpec(name, target, min_occurs=0)}
    )


def items(wrapper: str, name: str, target: SimpleType | type, *, optional: bool = False) -> Any:
    """A wrapper element holding one or more ``name`` elements, as a list.

    With ``optional`` the wrapper may be absent (an empty list); otherwise it is required.
    """
    spec = ElementSpec(
        name,
        target,
        min_occurs=1,
        max_occurs=None,
        wrapper=wrapper,
        wrapper_optional=optional,
    )
    return dataclasses.field(default_factory=list, metadata={META_KEY: spec})


def retour_codes() -> Any:
    """``RetourCodes`` of a class: required in retour messages, absent in primary ones."""
    spec = ElementSpec("RetourCode", None, max_occurs=None, wrapper="RetourCodes")
    spec = dataclasses.replace(spec, retour_codes=True)
    return dataclasses.field(default_factory=list, metadata={META_KEY: spec})


def party(name: str) -> Any:
    """Afzender/Ontvanger: a CBS municipality code or an AGB code, by direction."""
    spec = ElementSpec(name, None, party=name.lower())
    return dataclasses.field(metadata={META_KEY: spec})


def element_specs(cls: type) -> list[tuple[str, ElementSpec]]:
    """(attribute name, spec) for each mapped field of a dataclass, in element order."""
    return [
        (field.name, field.metadata[META_KEY])
        for field in dataclasses.fields(cls)
        if META_KEY in field.metadata
    ]
