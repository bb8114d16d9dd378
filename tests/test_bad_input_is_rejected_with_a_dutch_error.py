# SPDX-License-Identifier: EUPL-1.2
"""Bad input at the forms gets a clear Dutch error at the field, and nothing is saved."""

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.budgets.models import BudgetCeiling, BudgetCeilingChange
from jeugdregie.clients.models import Youth
from jeugdregie.contracting.models import Provider
from jeugdregie.regions.models import Municipality
from jeugdregie.testing.auth import sign_in


def _client(world, role: str) -> Client:
    client = Client()
    sign_in(client, world.users[role])
    return client


def _snapshot() -> tuple[int, ...]:
    return (
        Youth.objects.count(),
        Provider.objects.count(),
        Municipality.objects.count(),
        BudgetCeiling.objects.count(),
        BudgetCeilingChange.objects.count(),
        ChangeRecord.objects.count(),
    )


@pytest.mark.django_db
def test_bsn_failing_the_eleven_test_is_refused(world):
    before = _snapshot()
    response = _client(world, Role.ACCESS_STAFF).post(
        reverse("clients:youth-create"),
        {
            "bsn": "999999991",
            "given_name": "Eva",
            "family_name": "Mulder",
            "birth_date": "2015-04-01",
            "gender": "2",
            "municipality": world.dordrecht.pk,
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "voldoet niet aan de elfproef" in page
    assert "Er is niets opgeslagen." in page
    assert _snapshot() == before


@pytest.mark.django_db
def test_bsn_of_the_wrong_length_is_refused(world):
    before = _snapshot()
    response = _client(world, Role.ACCESS_STAFF).post(
        reverse("clients:youth-create"),
        {
            "bsn": "99999",
            "given_name": "Eva",
            "family_name": "Mulder",
            "birth_date": "2015-04-01",
            "gender": "2",
            "municipality": world.dordrecht.pk,
        },
    )
    assert response.status_code == 400
    assert "precies 9 cijfers" in response.content.decode()
    assert _snapshot() == before


@pytest.mark.django_db
def test_a_valid_youth_is_registered_and_logged_without_plaintext(world):
    response = _client(world, Role.ACCESS_STAFF).post(
        reverse("clients:youth-create"),
        {
            "bsn": "999990019",
            "given_name": "Eva",
            "family_name": "Mulder",
            "birth_date": "2015-04-01",
            "gender": "2",
            "municipality": world.dordrecht.pk,
        },
    )
    assert response.status_code == 302
    record = ChangeRecord.objects.filter(model="clients.Youth").latest("id")
    assert "999990019" not in str(record.changes)
    assert "Mulder" not in str(record.changes)


@pytest.mark.django_db
@pytest.mark.parametrize("agb", ["1234567", "123456789", "1234567a", ""])
def test_agb_code_that_is_not_8_digits_is_refused(world, agb):
    before = _snapshot()
    response = _client(world, Role.CONTRACT_MANAGER).post(
        reverse("contracting:provider-create"), {"agb_code": agb, "name": "Nieuw Begin"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert ("verwacht 8 cijfers" in page) or ("Dit veld is vereist" in page)
    assert _snapshot() == before


@pytest.mark.django_db
def test_unknown_cbs_code_is_refused(world):
    before = _snapshot()
    client = _client(world, Role.FUNCTIONAL_ADMIN)
    unknown = client.post(
        reverse("regions:municipality-create"),
        {"cbs_code": "9999", "name": "Nergenshuizen", "youth_population": 10},
    )
    assert unknown.status_code == 400
    assert "geen bekende gemeentecode" in unknown.content.decode()
    malformed = client.post(
        reverse("regions:municipality-create"),
        {"cbs_code": "505", "name": "Dordrecht", "youth_population": 10},
    )
    assert malformed.status_code == 400
    assert "precies 4 cijfers" in malformed.content.decode()
    assert _snapshot() == before


@pytest.mark.django_db
def test_known_cbs_code_is_accepted(world):
    response = _client(world, Role.FUNCTIONAL_ADMIN).post(
        reverse("regions:municipality-create"),
        {"cbs_code": "0523", "name": "Hardinxveld-Giessendam", "youth_population": 4000},
    )
    assert response.status_code == 302
    assert Municipality.objects.filter(cbs_code="0523", region=world.region).exists()


@pytest.mark.django_db
def test_ceiling_below_zero_is_refused(world):
    before = _snapshot()
    response = _client(world, Role.CONTRACT_MANAGER).post(
        reverse("budgets:ceiling-set"),
        {
            "provider": world.provider.pk,
            "year": 2027,
            "amount": "-1",
            "reason": "Test",
        },
    )
    assert response.status_code == 400
    assert "kan niet lager zijn dan nul" in response.content.decode()
    assert _snapshot() == before
