# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.core.exceptions import ValidationError

from jeugdregie.accounts.constants import Role
from jeugdregie.apiclients.models import ApiClient
from jeugdregie.apiclients.services import api_client_create

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "scopes", "role", "problem"),
    [
        ("access_staff", ["clientenstops:aanvragen"], None, "scopes"),  # provider's action
        ("provider", ["wachtlijst:melden", "onbekend:lezen"], None, "scopes"),
        ("provider", [], None, "scopes"),
        ("provider", ["aanbieders:lezen"], Role.CONTRACT_MANAGER, "role"),  # wrong kind
    ],
)
def test_a_scope_or_role_that_does_not_fit_is_refused(world, kind, scopes, role, problem):
    organisation = world.users[kind].organisation
    with pytest.raises(ValidationError) as refused:
        api_client_create(
            actor=None, organisation=organisation, name="Systeem", scopes=scopes, role=role
        )
    assert problem in refused.value.message_dict
    assert not ApiClient.objects.exists()


def test_a_municipal_system_acts_as_the_access_team_of_its_municipality(world):
    registration = api_client_create(
        actor=None,
        organisation=world.users["access_staff"].organisation,
        name="Gemeentelijk zaaksysteem",
        scopes=["jeugdigen:lezen", "toewijzingen:lezen"],
    )
    assert registration.client.service_user.role == Role.ACCESS_STAFF
    assert registration.client.scopes == ["jeugdigen:lezen", "toewijzingen:lezen"]
