# SPDX-License-Identifier: EUPL-1.2
from collections.abc import Callable

import pytest

from jeugdregie.accounts.models import Organisation
from jeugdregie.apiclients.services import Registration, api_client_create
from jeugdregie.testing.factories import World


@pytest.fixture
def register(world: World) -> Callable[..., Registration]:
    """Register a client of the world's provider (or another organisation) with scopes."""

    def _register(*scopes: str, organisation: Organisation | None = None) -> Registration:
        organisation = organisation or world.users["provider"].organisation
        assert organisation is not None
        return api_client_create(
            actor=world.users["functional_admin"],
            organisation=organisation,
            name="Zorgsysteem De Linde",
            scopes=scopes,
        )

    return _register


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
