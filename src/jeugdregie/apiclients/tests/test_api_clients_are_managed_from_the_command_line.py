# SPDX-License-Identifier: EUPL-1.2
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from jeugdregie.apiclients.models import ApiClient
from jeugdregie.apiclients.tests.conftest import bearer
from jeugdregie.audit.models import ChangeRecord

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_create_prints_the_token_once_and_revoke_ends_it(world):
    organisation = world.users["provider"].organisation
    output = _run(
        "apiclient_create",
        "--organisation",
        str(organisation.pk),
        "--name",
        "Zorgsysteem",
        "--scopes",
        "aanbieders:lezen, wachtlijst:melden",
        "--actor",
        "beheer",
    )
    token = output.strip().splitlines()[-1]
    client = ApiClient.objects.get()
    assert token.startswith(f"jr_{client.prefix}_")
    assert client.scopes == ["aanbieders:lezen", "wachtlijst:melden"]
    assert client.created_by == world.users["functional_admin"]
    assert Client().get(reverse("api-provider-list"), headers=bearer(token)).status_code == 200

    listed = _run("apiclient_list", "--json")
    assert token not in listed
    assert json.loads(listed)[0]["prefix"] == client.prefix

    assert "ingetrokken" in _run("apiclient_revoke", client.prefix, "--actor", "beheer")
    assert Client().get(reverse("api-provider-list"), headers=bearer(token)).status_code == 401
    assert json.loads(_run("apiclient_list", "--json")) == []
    assert json.loads(_run("apiclient_list", "--json", "--all"))[0]["revoked_by"] == "beheer"

    logged = ChangeRecord.objects.filter(model="apiclients.ApiClient", object_pk=str(client.pk))
    assert sorted(logged.values_list("action", flat=True)) == ["create", "update"]
    assert all(r.user == world.users["functional_admin"] for r in logged)
    assert ChangeRecord.objects.filter(
        model="accounts.User", object_pk=str(client.service_user_id), action="create"
    ).exists()
    assert all(token not in json.dumps(r.changes) for r in ChangeRecord.objects.all())


def test_create_explains_what_is_wrong(world):
    with pytest.raises(CommandError, match="Onbekende organisatie"):
        _run("apiclient_create", "--organisation", "999999", "--name", "x", "--scopes", "a")
    with pytest.raises(CommandError, match="clientenstops:aanvragen"):
        _run(
            "apiclient_create",
            "--organisation",
            str(world.users["access_staff"].organisation.pk),
            "--name",
            "Zaaksysteem",
            "--scopes",
            "clientenstops:aanvragen",
        )
    for expires in ("9999-12-31", "31-12-2030"):  # past the calendar, not ISO
        with pytest.raises(CommandError, match=f"--expires .{expires}. "):
            _run(
                "apiclient_create",
                "--organisation",
                str(world.users["provider"].organisation.pk),
                "--name",
                "Zorgsysteem",
                "--scopes",
                "aanbieders:lezen",
                "--expires",
                expires,
            )
    assert not ApiClient.objects.exists()
    with pytest.raises(CommandError, match="Onbekende API-client"):
        _run("apiclient_revoke", "zzzzzzzz")
