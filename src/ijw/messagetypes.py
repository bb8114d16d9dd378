# SPDX-License-Identifier: EUPL-1.2
"""The 14 iJw 3.2 message types, their BerichtCode (COD002), namespace and direction."""

import enum

BASIS_NS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
BASIS_PREFIX = "ijw"
# BasisschemaXsdVersie / BerichtXsdVersie in the appinfo of every 3.2 schema (IV034).
XSD_VERSIE = "0.1.0"
BERICHT_VERSIE = "3"
BERICHT_SUBVERSIE = "2"


class Direction(enum.StrEnum):
    GEMEENTE_AAN_AANBIEDER = "G>A"
    AANBIEDER_AAN_GEMEENTE = "A>G"


class MessageType(enum.StrEnum):
    """A message type; the value is its name (``"JW315"``)."""

    JW301 = "JW301"
    JW302 = "JW302"
    JW305 = "JW305"
    JW306 = "JW306"
    JW307 = "JW307"
    JW308 = "JW308"
    JW315 = "JW315"
    JW316 = "JW316"
    JW317 = "JW317"
    JW318 = "JW318"
    JW319 = "JW319"
    JW320 = "JW320"
    JW323 = "JW323"
    JW325 = "JW325"

    @property
    def bericht_code(self) -> str:
        return _BERICHT_CODES[self]

    @property
    def namespace(self) -> str:
        return f"http://www.istandaarden.nl/ijw/3_2/{self.prefix}/schema"

    @property
    def prefix(self) -> str:
        return self.value.lower()

    @property
    def schema_file(self) -> str:
        return f"{self.prefix}.xsd"

    @property
    def is_retour(self) -> bool:
        """True for the retour messages that copy the header of a primary message."""
        return self in _PRIMARY_OF

    @property
    def primary(self) -> "MessageType | None":
        """The message a retour answers (JW302 → JW301); ``None`` for other messages."""
        return _PRIMARY_OF.get(self)

    @property
    def retour(self) -> "MessageType | None":
        """The retour message that answers this one (JW301 → JW302)."""
        return _RETOUR_OF.get(self)

    @property
    def direction(self) -> Direction:
        """Direction of the message itself (a JW302 goes from provider to municipality)."""
        return _DIRECTIONS[self]

    @property
    def header_direction(self) -> Direction:
        """Direction of Afzender → Ontvanger in the header (a retour copies its primary's)."""
        primary = self.primary
        return _DIRECTIONS[primary] if primary else _DIRECTIONS[self]


_BERICHT_CODES = {
    MessageType.JW301: "436",
    MessageType.JW302: "437",
    MessageType.JW305: "438",
    MessageType.JW306: "439",
    MessageType.JW307: "440",
    MessageType.JW308: "441",
    MessageType.JW315: "446",
    MessageType.JW316: "447",
    MessageType.JW317: "486",
    MessageType.JW318: "487",
    MessageType.JW319: "488",
    MessageType.JW320: "489",
    MessageType.JW323: "490",
    MessageType.JW325: "491",
}
_PRIMARY_OF = {
    MessageType.JW302: MessageType.JW301,
    MessageType.JW306: MessageType.JW305,
    MessageType.JW308: MessageType.JW307,
    MessageType.JW316: MessageType.JW315,
    MessageType.JW318: MessageType.JW317,
    MessageType.JW320: MessageType.JW319,
}
_RETOUR_OF = {primary: retour for retour, primary in _PRIMARY_OF.items()}
_G, _A = Direction.GEMEENTE_AAN_AANBIEDER, Direction.AANBIEDER_AAN_GEMEENTE
_DIRECTIONS = {
    MessageType.JW301: _G,
    MessageType.JW302: _A,
    MessageType.JW305: _A,
    MessageType.JW306: _G,
    MessageType.JW307: _A,
    MessageType.JW308: _G,
    MessageType.JW315: _A,
    MessageType.JW316: _G,
    MessageType.JW317: _A,
    MessageType.JW318: _G,
    MessageType.JW319: _G,
    MessageType.JW320: _A,
    MessageType.JW323: _A,
    MessageType.JW325: _G,
}
BY_NAMESPACE = {message_type.namespace: message_type for message_type in MessageType}
BY_BERICHT_CODE = {message_type.bericht_code: message_type for message_type in MessageType}
