# SPDX-License-Identifier: EUPL-1.2
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jeugdregie.accounts.constants import ROLE_ORGANISATION_KIND, OrganisationKind, Role
from jeugdregie.accounts.models import Organisation, User


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    organisation: Organisation,
    role: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    expected_kind = ROLE_ORGANISATION_KIND[role]
    if organisation.kind != expected_kind:
        raise ValidationError(
            _("Role %(role)s belongs to an organisation of kind %(kind)s."),
            params={
                "role": Role(role).label,
                "kind": OrganisationKind(expected_kind).label,
            },
        )
    user = User(
        username=username,
        organisation=organisation,
        role=role,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    return user
