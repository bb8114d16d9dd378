# SPDX-License-Identifier: EUPL-1.2
"""The youth a message names, as the message itself says it.

What the viewer and the worklists show a provider is what its message said (the name, birth
date and BSN in the XML), never the youth record the message was linked to: a provider must
not learn from a BSN who a child is. Contract management and the access team see the linked
youth record.
"""

import datetime as dt
from dataclasses import dataclass

from lxml import etree

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.clients.models import Youth
from jeugdregie.core.bsn import mask_bsn

__all__ = [
    "MessageIdentity",
    "ShownYouth",
    "identity_in_message",
    "youth_shown",
]


@dataclass(frozen=True)
class MessageIdentity:
    """The first client of a message: BSN, name and birth date as written in it (a JW317
    names the BSN only)."""

    bsn: str
    given_name: str = ""
    family_name: str = ""
    birth_date: dt.date | None = None

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def masked_bsn(self) -> str:
        return mask_bsn(self.bsn)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _child(element: etree._Element | None, name: str) -> etree._Element | None:
    if element is None:
        return None
    for child in element:
        if _local(child) == name:
            return child
    return None


def _text(element: etree._Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def identity_in_message(data: bytes) -> MessageIdentity | None:
    """The first ``Client`` of the message (read without DTDs, entities or network), or
    None when the message names no client or is not XML."""
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError:
        return None
    client = next((e for e in root.iter() if _local(e) == "Client"), None)
    bsn = _text(_child(client, "Bsn"))
    if client is None or not bsn:
        return None
    naam = _child(client, "Naam")
    surname = _child(naam, "Geslachtsnaam")
    family = " ".join(
        part
        for part in (_text(_child(surname, "Voorvoegsel")), _text(_child(surname, "Achternaam")))
        if part
    )
    given = _text(_child(naam, "Voornamen")) or _text(_child(naam, "Voorletters"))
    birth: dt.date | None = None
    try:
        text = _text(_child(_child(client, "Geboortedatum"), "Datum"))
        birth = dt.date.fromisoformat(text) if text else None
    except ValueError:
        birth = None
    return MessageIdentity(bsn=bsn, given_name=given, family_name=family, birth_date=birth)


@dataclass(frozen=True)
class ShownYouth:
    """The youth a page shows the user beside a message or request."""

    name: str
    bsn: str
    birth_date: dt.date | None
    youth_pk: int | None  # the youth record to link to (never for a provider)
    from_message: bool  # what the message said, not the youth record


def youth_shown(
    *, user: User, youth: Youth | None, message_data: bytes, can_link: bool
) -> ShownYouth | None:
    """A provider: the client as its message said it (masked BSN), whether or not the
    message was linked to a youth record. Contract management and the access team: the linked
    youth record (None when there is none)."""
    if user.role == Role.PROVIDER:
        identity = identity_in_message(message_data)
        if identity is None:
            return None
        return ShownYouth(
            name=identity.name,
            bsn=identity.masked_bsn,
            birth_date=identity.birth_date,
            youth_pk=None,
            from_message=True,
        )
    if youth is None:
        return None
    return ShownYouth(
        name=f"{youth.given_name} {youth.family_name}",
        bsn=youth.bsn,
        birth_date=youth.birth_date,
        youth_pk=youth.pk if can_link else None,
        from_message=False,
    )
