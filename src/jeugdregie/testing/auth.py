# SPDX-License-Identifier: EUPL-1.2
"""Signing in from tests: a test client as a user who passed every step of the sign-in."""

from django.test import Client

from jeugdregie.accounts.models import User


def sign_in(client: Client, user: User) -> None:
    """Log ``client`` in as ``user`` (password and, where required, second factor passed)."""
    client.force_login(user)
