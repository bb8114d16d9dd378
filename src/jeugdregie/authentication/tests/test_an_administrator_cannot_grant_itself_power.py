# SPDX-License-Identifier: EUPL-1.2
"""Attack 2 of the trust issue: in /beheer/ the functional administrator (`beheer`, staff with
model permissions on its apps) made itself superuser and contract manager, set other users'
passwords, and none of it reached the change log. Now the server refuses it and every
change to a user is logged with who made it."""

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import Organisation, User
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.authentication.services import (
    PASSWORD_CHANGED,
    PASSWORD_SET,
    user_management_access_grant,
)
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World

pytestmark = pytest.mark.django_db


def make_functional_administrator(user: User) -> User:
    """As ``seed_demo`` and ``user_create`` make ``beheer``: staff, with the model
    permissions of its apps."""
    return user_management_access_grant(actor=None, user=user)


@pytest.fixture
def beheer(world: World, client: Client) -> User:
    user = make_functional_administrator(world.users[Role.FUNCTIONAL_ADMIN])
    sign_in(client, user)
    return user


def change_url(user: User) -> str:
    return reverse("admin:accounts_user_change", args=[user.pk])


def password_url(user: User) -> str:
    return reverse("admin:auth_user_password_change", args=[user.pk])


def form_data(user: User, **changes: Any) -> dict[str, Any]:
    """What the change form of ``user`` posts for a non-superuser, plus ``changes``."""
    data: dict[str, Any] = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "organisation": user.organisation_id or "",
        "role": user.role,
        "_save": "Opslaan",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def updates_of(user: User) -> list[ChangeRecord]:
    """The change records of ``user`` that a person made after its creation (the test world
    and ``user_management_access_grant`` in the fixture act as the system: no actor)."""
    return list(
        ChangeRecord.objects.filter(model="accounts.User", object_pk=str(user.pk))
        .exclude(action="create")
        .exclude(user__isnull=True)
        .order_by("id")
    )


def as_stored(user: User) -> tuple[Any, ...]:
    user = User.objects.get(pk=user.pk)
    return (
        user.is_superuser,
        user.is_staff,
        user.role,
        user.organisation_id,
        user.password,
        sorted(user.user_permissions.values_list("pk", flat=True)),
    )


def test_beheer_cannot_make_itself_superuser_or_contract_manager(beheer, client):
    before = as_stored(beheer)
    records = ChangeRecord.objects.count()
    own_data = {key: value for key, value in form_data(beheer).items() if key != "role"}
    own_data.pop("organisation")

    attempts = [
        {**own_data, "is_superuser": "on"},
        {**own_data, "is_staff": "on", "is_superuser": "on"},
        {**own_data, "role": Role.CONTRACT_MANAGER},
        {**own_data, "organisation": str(beheer.organisation_id)},
        {**own_data, "user_permissions": [str(Permission.objects.get(codename="view_user").pk)]},
    ]
    for data in attempts:
        response = client.post(change_url(beheer), data)
        assert response.status_code == 403, data

    assert as_stored(beheer) == before
    assert ChangeRecord.objects.count() == records


def test_beheer_sees_no_permission_fields_and_its_own_role_read_only(beheer, client):
    response = client.get(change_url(beheer))

    assert response.status_code == 200
    form = response.context["adminform"].form
    for field in ("is_superuser", "is_staff", "groups", "user_permissions", "role", "organisation"):
        assert field not in form.fields
    assert "Functioneel beheerder" in response.content.decode()  # the role, as text


def test_beheer_cannot_set_another_users_password(beheer, client, world):
    victim = world.users[Role.CONTRACT_MANAGER]
    before = as_stored(victim)

    page = client.get(change_url(victim))
    assert page.status_code == 200
    assert password_url(victim) not in page.content.decode()
    assert "password/" not in page.content.decode()

    assert client.get(password_url(victim)).status_code == 403
    response = client.post(
        password_url(victim),
        {"password1": "overgenomen-wachtwoord-1", "password2": "overgenomen-wachtwoord-1"},
    )
    assert response.status_code == 403
    assert as_stored(victim) == before
    assert not User.objects.get(pk=victim.pk).check_password("overgenomen-wachtwoord-1")


def test_beheer_may_set_its_own_password_and_it_is_logged_without_the_hash(beheer, client):
    response = client.post(
        password_url(beheer),
        {
            "password1": "een-nieuw-eigen-wachtwoord",
            "password2": "een-nieuw-eigen-wachtwoord",
            "set_usable_password": "true",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(pk=beheer.pk)
    assert user.check_password("een-nieuw-eigen-wachtwoord")
    (record,) = updates_of(user)
    assert record.user_id == beheer.pk
    assert record.changes["password"] == [PASSWORD_SET, PASSWORD_CHANGED]
    assert user.password not in str(record.changes)


def test_granting_a_role_is_logged_with_who_granted_it(beheer, client, world):
    policy = world.users[Role.POLICY]

    response = client.post(change_url(policy), form_data(policy, role=Role.CONTRACT_MANAGER))

    assert response.status_code == 302
    assert User.objects.get(pk=policy.pk).role == Role.CONTRACT_MANAGER
    (record,) = updates_of(policy)
    assert record.user_id == beheer.pk
    assert record.changes == {"role": [Role.POLICY, Role.CONTRACT_MANAGER]}


def test_a_role_must_fit_the_kind_of_organisation(beheer, client, world):
    access = world.users[Role.ACCESS_STAFF]  # works for a municipality

    response = client.post(change_url(access), form_data(access, role=Role.CONTRACT_MANAGER))

    assert response.status_code == 200
    assert "role" in response.context["adminform"].form.errors
    assert User.objects.get(pk=access.pk).role == Role.ACCESS_STAFF
    assert not updates_of(access)


def test_beheer_manages_only_users_of_its_own_region(beheer, client, world):
    foreign = world.users["other_region"]
    before = as_stored(foreign)

    listing = client.get(reverse("admin:accounts_user_changelist"))
    assert foreign.username not in listing.content.decode()
    assert client.get(change_url(foreign)).status_code == 302  # "does not exist"
    client.post(change_url(foreign), form_data(foreign, role=Role.POLICY, is_active=None))

    assert as_stored(foreign) == before
    assert User.objects.get(pk=foreign.pk).is_active


def test_beheer_cannot_place_a_user_in_another_regions_organisation(beheer, client, world):
    foreign_office = Organisation.objects.get(region=world.other_region)
    policy = world.users[Role.POLICY]

    response = client.post(change_url(policy), form_data(policy, organisation=foreign_office.pk))

    assert response.status_code == 200
    assert "organisation" in response.context["adminform"].form.errors
    assert User.objects.get(pk=policy.pk).organisation_id == policy.organisation_id


def test_beheer_does_not_see_superusers(beheer, client, world):
    root = User.objects.create_superuser("root", "root@example.org", "een-lang-wachtwoord")
    root.organisation = beheer.organisation
    root.save()

    assert client.get(change_url(root)).status_code == 302
    assert client.get(password_url(root)).status_code == 404


def test_creating_a_user_is_logged_with_the_password_as_a_marker(beheer, client, world):
    office = beheer.organisation
    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "nieuw.beleid",
            "usable_password": "true",
            "password1": "een-lang-begin-wachtwoord",
            "password2": "een-lang-begin-wachtwoord",
            "first_name": "Nieuw",
            "last_name": "Beleid",
            "email": "",
            "organisation": office.pk,
            "role": Role.POLICY,
            "_save": "Opslaan",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(username="nieuw.beleid")
    assert (user.role, user.organisation_id, user.is_staff) == (Role.POLICY, office.pk, False)
    record = ChangeRecord.objects.get(model="accounts.User", object_pk=str(user.pk))
    assert (record.action, record.user_id) == ("create", beheer.pk)
    assert record.changes["role"] == [None, Role.POLICY]
    assert record.changes["password"] == [None, PASSWORD_SET]
    assert user.password not in str(record.changes)


def test_beheer_cannot_create_a_staff_user_or_one_with_a_misfitting_role(beheer, client, world):
    data = {
        "username": "indringer",
        "usable_password": "true",
        "password1": "een-lang-begin-wachtwoord",
        "password2": "een-lang-begin-wachtwoord",
        "organisation": world.gi.pk,
        "role": Role.CONTRACT_MANAGER,
        "_save": "Opslaan",
    }
    assert client.post(reverse("admin:accounts_user_add"), data).status_code == 200
    staff = {**data, "role": Role.GI_STAFF, "is_staff": "on"}
    assert client.post(reverse("admin:accounts_user_add"), staff).status_code == 403

    assert not User.objects.filter(username="indringer").exists()


def test_a_superuser_setting_a_password_and_permissions_is_logged(world, client):
    root = User.objects.create_superuser("root", "root@example.org", "een-lang-wachtwoord")
    sign_in(client, root)
    victim = world.users[Role.CONTRACT_MANAGER]

    response = client.post(
        password_url(victim),
        {
            "password1": "door-de-beheerder-gezet",
            "password2": "door-de-beheerder-gezet",
            "set_usable_password": "true",
        },
    )
    assert response.status_code == 302
    permission = Permission.objects.get(codename="view_user")
    response = client.post(
        change_url(victim),
        form_data(victim, is_staff="on", user_permissions=[str(permission.pk)]),
    )
    assert response.status_code == 302

    records = updates_of(victim)
    assert [record.user_id for record in records] == [root.pk, root.pk, root.pk]
    assert records[0].changes == {"password": [PASSWORD_SET, PASSWORD_CHANGED]}
    assert records[1].changes == {"is_staff": ["False", "True"]}
    assert records[2].changes == {"user_permissions": ["", "accounts.view_user"]}
    stored = User.objects.get(pk=victim.pk)
    assert all(stored.password not in str(record.changes) for record in records)


def test_deleting_and_deactivating_a_user_are_logged(world, client):
    root = User.objects.create_superuser("root", "root@example.org", "een-lang-wachtwoord")
    sign_in(client, root)
    policy = world.users[Role.POLICY]

    client.post(change_url(policy), form_data(policy, is_active=None))
    client.post(reverse("admin:accounts_user_delete", args=[policy.pk]), {"post": "yes"})

    assert not User.objects.filter(pk=policy.pk).exists()
    actions = list(
        ChangeRecord.objects.filter(model="accounts.User", object_pk=str(policy.pk))
        .exclude(action="create")
        .order_by("id")
        .values_list("action", "changes")
    )
    assert actions[0] == ("update", {"is_active": ["True", "False"]})
    assert actions[1][0] == "delete"
    assert actions[1][1]["role"] == [Role.POLICY, None]
