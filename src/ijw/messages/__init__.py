# SPDX-License-Identifier: EUPL-1.2
"""The message classes, one module per message family."""

from ijw.messages.base import Message
from ijw.messages.jw301 import JW301, JW302, Contact, Relatie, ToegewezenProduct, ToewijzingClient
from ijw.messages.jw305 import (
    JW305,
    JW306,
    JW307,
    JW308,
    StartClient,
    StartProduct,
    StopClient,
    StopProduct,
)
from ijw.messages.jw315 import JW315, JW316, AangevraagdProduct, VerzoekClient
from ijw.messages.jw317 import (
    JW317,
    JW318,
    NieuwProduct,
    OngewijzigdProduct,
    TeWijzigenProduct,
    Verzoek,
    WijzigingClient,
)
from ijw.messages.jw319 import JW319, JW320, Antwoord, Woonplaatsbeginsel
from ijw.messages.jw323 import (
    JW323,
    JW325,
    Declaratie,
    DeclaratieAntwoord,
    DeclaratieClient,
    Prestatie,
)
from ijw.messagetypes import MessageType

MESSAGE_CLASSES: dict[MessageType, type[Message]] = {
    cls.message_type: cls
    for cls in (
        JW301,
        JW302,
        JW305,
        JW306,
        JW307,
        JW308,
        JW315,
        JW316,
        JW317,
        JW318,
        JW319,
        JW320,
        JW323,
        JW325,
    )
}

__all__ = [
    "JW301",
    "JW302",
    "JW305",
    "JW306",
    "JW307",
    "JW308",
    "JW315",
    "JW316",
    "JW317",
    "JW318",
    "JW319",
    "JW320",
    "JW323",
    "JW325",
    "MESSAGE_CLASSES",
    "AangevraagdProduct",
    "Antwoord",
    "Contact",
    "Declaratie",
    "DeclaratieAntwoord",
    "DeclaratieClient",
    "Message",
    "NieuwProduct",
    "OngewijzigdProduct",
    "Prestatie",
    "Relatie",
    "StartClient",
    "StartProduct",
    "StopClient",
    "StopProduct",
    "TeWijzigenProduct",
    "ToegewezenProduct",
    "ToewijzingClient",
    "Verzoek",
    "VerzoekClient",
    "WijzigingClient",
    "Woonplaatsbeginsel",
]
