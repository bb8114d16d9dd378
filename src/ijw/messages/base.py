# SPDX-License-Identifier: EUPL-1.2
"""The base class of the 14 message classes."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ijw.messagetypes import MessageType
from ijw.spec import IjwType

if TYPE_CHECKING:
    from ijw.datatypes import Header


class Message(IjwType):
    """One iJw message. ``message_type`` names it; every message has a ``header``."""

    __slots__ = ()
    message_type: ClassVar[MessageType]
    xsd_type: ClassVar[str | None] = "Root"
    if TYPE_CHECKING:
        header: Header
