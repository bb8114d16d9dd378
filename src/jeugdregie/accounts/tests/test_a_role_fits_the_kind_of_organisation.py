# SPDX-License-Identifier: EUPL-1.2
"""A role belongs to one kind of organisation, whoever makes or changes the user: the model's
``clean`` is the one place that says so, and the services and the admin go through it."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.authentication.services import user_create, user_role_set
from jeugdregie.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_user_whose_role_does_not_fit_its_organisation_is_invalid(world):
    provider_staff = world.users[Role.PROVIDER]
    provider_staff.role = Role.CONTRACT_MANAGER

    with pytest.raises(ValidationError) as refused, translation.override("nl"):
        provider_staff.full_clean()

    assert list(refused.value.message_dict) == ["role"]
    assert "hoort bij een organisatie van het soort" in refused.value.message_dict["role"][0]


def test_a_role_needs_an_organisation(world):
    user = User(username="zwevend", role=Role.POLICY)
    user.set_password(PASSWORD)

    with pytest.raises(ValidationError) as refused:
        user.full_clean()

    assert list(refused.value.message_dict) == ["organisation"]


def test_user_create_refuses_a_misfit_and_logs_a_fit_with_who_made_it(world):
    admin = world.users[Role.FUNCTIONAL_ADMIN]
    with pytest.raises(ValidationError):
        user_create(
            username="mis",
            password=PASSWORD,
            organisation=world.gi,
            role=Role.ACCESS_STAFF,
            created_by=admin,
        )
    assert not User.objects.filter(username="mis").exists()

    user = user_create(
        username="gi2", password=PASSWORD, organisation=world.gi, role=Role.GI_STAFF,
        created_by=admin,
    )  # fmt: skip

    record = ChangeRecord.objects.get(model="accounts.User", object_pk=str(user.pk))
    assert (record.action, record.user_id) == ("create", admin.pk)
    assert record.changes["role"] == [None, Role.GI_STAFF]
    assert user.password not in str(record.changes)


def test_granting_a_role_through_the_service_is_logged_with_who_granted_it(world):
    admin = world.users[Role.FUNCTIONAL_ADMIN]
    policy = world.users[Role.POLICY]

    user_role_set(
        user=policy, role=Role.PRIVACY_OFFICER, organisation=policy.organisation, actor=admin
    )
    with pytest.raises(ValidationError):
        user_role_set(user=policy, role=Role.PROVIDER, organisation=world.gi, actor=admin)

    assert User.objects.get(pk=policy.pk).role == Role.PRIVACY_OFFICER
    (record,) = ChangeRecord.objects.filter(
        model="accounts.User", object_pk=str(policy.pk), action="update"
    )
    assert record.user_id == admin.pk
    assert record.changes == {"role": [Role.POLICY, Role.PRIVACY_OFFICER]}
