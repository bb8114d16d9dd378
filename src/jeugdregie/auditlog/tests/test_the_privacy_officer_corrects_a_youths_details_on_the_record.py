# SPDX-License-Identifier: EUPL-1.2
"""Rectification (AVG art. 16): the privacy officer corrects a youth's name, birth date and
gender through the service; the change log records which fields changed and by whom, never
the values; the youth is then found by the corrected family name; bad input changes nothing;
an anonymised youth has nothing left to correct."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.clients.models import Youth
from jeugdregie.clients.services import family_name_lookup_key, youth_anonymise, youth_rectify
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def privacy(world: World) -> Client:
    client = Client()
    sign_in(client, world.users[Role.PRIVACY_OFFICER])
    return client


def _updates(youth: Youth) -> list[ChangeRecord]:
    return list(
        ChangeRecord.objects.filter(
            model="clients.Youth", object_pk=str(youth.pk), action="update"
        ).order_by("id")
    )


def test_a_correction_is_saved_and_logged_without_the_values(world: World, privacy: Client):
    anna = world.youth["anna"]
    url = f"/privacy/jeugdige/{anna.pk}/corrigeren/"
    form = privacy.get(url)
    assert form.status_code == 200
    assert 'value="2012-03-01"' in form.content.decode(), "the date input gets an ISO date"

    response = privacy.post(
        url,
        {
            "given_name": "Anna",
            "family_name": "Visser-de Wit",
            "birth_date": "2012-03-11",
            "gender": "2",
        },
    )

    assert response.status_code == 302
    youth = Youth.objects.get(pk=anna.pk)
    assert (youth.family_name, youth.birth_date, youth.gender) == (
        "Visser-de Wit",
        dt.date(2012, 3, 11),
        "2",
    )
    assert youth.family_name_index == family_name_lookup_key("Visser-de Wit")
    (record,) = _updates(youth)
    assert record.user == world.users[Role.PRIVACY_OFFICER]
    assert set(record.changes) == {"birth_date", "family_name", "family_name_index", "gender"}
    assert "Visser" not in str(record.changes)
    assert "2012-03-11" not in str(record.changes)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"family_name": ""}, "Dit veld is vereist"),
        ({"birth_date": "2999-01-01"}, "De geboortedatum ligt in de toekomst"),
        ({"birth_date": "11-03-2012x"}, "Voer een geldige datum in"),
        ({"gender": "9"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(world: World, privacy: Client, data, message):
    anna = world.youth["anna"]
    valid = {
        "given_name": "Anna",
        "family_name": "Visser",
        "birth_date": "2012-03-01",
        "gender": "0",
    }
    response = privacy.post(f"/privacy/jeugdige/{anna.pk}/corrigeren/", {**valid, **data})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert _updates(anna) == []


def test_an_anonymised_youth_has_nothing_left_to_correct(world: World):
    bram = youth_anonymise(youth=world.youth["bram"])
    with pytest.raises(ValidationError, match="geanonimiseerd"):
        youth_rectify(
            actor=world.users[Role.PRIVACY_OFFICER],
            youth=bram,
            given_name="Bram",
            family_name="de Jong",
            birth_date=dt.date(2012, 3, 2),
            gender="1",
        )
