# SPDX-License-Identifier: EUPL-1.2
"""ijw: the iJw 3.2 message standard (Jeugdwet), as a pure Python library.

Bytes in → typed message + findings; typed message → bytes. Knows nothing of Django or of
jeugdregie's models.

    message, findings = ijw.parse(data)            # never raises on bad input
    result = ijw.validate(data)                    # the same, with the type and a verdict
    data = ijw.build(message)                      # raises BuildError if not schema-valid
    findings = ijw.check(message)                  # schema-level + in-message rules

Conventions (see ``ijw.datatypes``): element names in snake_case, dates as
``datetime.date``, amounts as ``int`` eurocents (``ijw.euros()`` / ``ijw.cents()`` convert),
code lists as the enums of ``ijw.codelists``. Findings carry the return code, the rule id,
the element path and a Dutch message (``ijw.findings``).
"""

from __future__ import annotations

from ijw import codelists
from ijw.build import BuildError, build
from ijw.datatypes import (
    Achternaam,
    Adres,
    BedragMetDC,
    BerichtIdentificatie,
    Communicatie,
    DeclaratieAntwoordHeader,
    Geboortedatum,
    GeslotenPeriode,
    Header,
    Huis,
    Omvang,
    OpenPeriode,
    Product,
    Referentie,
    RetourHeader,
    Telefoon,
    Telefoonnummers,
    TotaalBedragMetDC,
    VerkorteNaam,
    Verwijzer,
    VolledigeNaam,
    XsdVersie,
    cents,
    euros,
)
from ijw.findings import Finding, FindingKind, Severity, has_errors, schema_valid
from ijw.hardening import DEFAULT_MAX_BYTES
from ijw.messages import *  # noqa: F403
from ijw.messages import MESSAGE_CLASSES, Message
from ijw.messages import __all__ as _message_names
from ijw.messagetypes import XSD_VERSIE, MessageType
from ijw.parse import Validation, parse, validate
from ijw.rules import RULES, check_message, passes_eleven_test


def check(message: Message) -> list[Finding]:
    """Everything the standard checks inside one message, for a message built in Python:
    the schema-level checks (as findings instead of a ``BuildError``) and the rules."""
    try:
        data = build(message)
    except BuildError as error:
        return error.findings or [
            Finding(code="0001", rule="STRUCTUUR", location="/", message=str(error))
        ]
    return parse(data)[1]


__all__ = [
    *_message_names,
    "DEFAULT_MAX_BYTES",
    "MESSAGE_CLASSES",
    "RULES",
    "XSD_VERSIE",
    "Achternaam",
    "Adres",
    "BedragMetDC",
    "BerichtIdentificatie",
    "BuildError",
    "Communicatie",
    "DeclaratieAntwoordHeader",
    "Finding",
    "FindingKind",
    "Geboortedatum",
    "GeslotenPeriode",
    "Header",
    "Huis",
    "Message",
    "MessageType",
    "Omvang",
    "OpenPeriode",
    "Product",
    "Referentie",
    "RetourHeader",
    "Severity",
    "Telefoon",
    "Telefoonnummers",
    "Validation",
    "TotaalBedragMetDC",
    "VerkorteNaam",
    "Verwijzer",
    "VolledigeNaam",
    "XsdVersie",
    "build",
    "cents",
    "check",
    "check_message",
    "codelists",
    "euros",
    "has_errors",
    "parse",
    "passes_eleven_test",
    "schema_valid",
    "validate",
]
