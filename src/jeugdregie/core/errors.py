# SPDX-License-Identifier: EUPL-1.2
"""A validation error as the lines a command or an API answer shows."""

from django.core.exceptions import ValidationError

__all__ = ["validation_messages"]


def validation_messages(error: ValidationError) -> list[str]:
    """Every message of ``error``, field errors first in field order, without field names
    (each message names what it is about)."""
    if hasattr(error, "error_dict"):
        return [message for messages in error.message_dict.values() for message in messages]
    return list(error.messages)
