# SPDX-License-Identifier: EUPL-1.2
# ruff: noqa: RUF009 -- el()/opt()/items() return dataclasses.field(...) specifications
"""JW319 Antwoordbericht on a VOT/VOW and its retour JW320."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ijw import simpletypes as st
from ijw.codelists import RedenAfwijzingVerzoek, RetourCode, VerzoekAntwoord
from ijw.datatypes import Header, RetourHeader
from ijw.messages.base import Message
from ijw.messagetypes import MessageType
from ijw.spec import IjwType, el, opt, retour_codes


@dataclass(slots=True, kw_only=True)
class Woonplaatsbeginsel(IjwType):
    gemeente: str = el("Gemeente", st.GEMEENTE)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class Antwoord(IjwType):
    referentie_aanbieder: str = el("ReferentieAanbieder", st.REFERENTIE)
    verzoek_antwoord: VerzoekAntwoord = el("VerzoekAntwoord", st.VERZOEK_ANTWOORD)
    reden_afwijzing_verzoek: RedenAfwijzingVerzoek | None = opt(
        "RedenAfwijzingVerzoek", st.REDEN_AFWIJZING_VERZOEK
    )
    woonplaatsbeginsel: Woonplaatsbeginsel | None = opt("Woonplaatsbeginsel", Woonplaatsbeginsel)
    retour_codes: list[RetourCode] = retour_codes()


@dataclass(slots=True, kw_only=True)
class JW319(Message):
    """Antwoordbericht: a VOT/VOW is rejected (1) or under investigation (2) (G → A)."""

    message_type: ClassVar[MessageType] = MessageType.JW319
    header: Header = el("Header", Header)
    antwoord: Antwoord = el("Antwoord", Antwoord)


@dataclass(slots=True, kw_only=True)
class JW320(Message):
    """Retour on a JW319 (A → G)."""

    message_type: ClassVar[MessageType] = MessageType.JW320
    header: RetourHeader = el("Header", RetourHeader)
    antwoord: Antwoord | None = opt("Antwoord", Antwoord)
