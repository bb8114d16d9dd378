# SPDX-License-Identifier: EUPL-1.2
"""django-axes hooks: what counts as a password attempt."""

from typing import Any

from django.http import HttpRequest


def is_not_a_password_attempt(request: HttpRequest, credentials: dict[str, Any] | None) -> bool:
    """A sign-in through the identity provider (the callback brings a nonce, no password) is
    not counted: the provider guards its own passwords, and a failed mapping from one office
    address must not lock out every colleague behind it."""
    return credentials is not None and "nonce" in credentials and "password" not in credentials
