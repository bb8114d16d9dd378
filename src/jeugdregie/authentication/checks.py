# SPDX-License-Identifier: EUPL-1.2
"""Start-up checks of the sign-in configuration (``jeugdregie check --deploy`` and runserver)."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register
from django.core.checks import Warning as CheckWarning

from jeugdregie.accounts.constants import Role
from jeugdregie.authentication.mapping import GroupMappingError, configured_group_mapping

REQUIRED_WITH_SSO = (
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
)


@register()
def sign_in_configuration(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    messages: list[CheckMessage] = []
    try:
        mapping = configured_group_mapping()
    except GroupMappingError as error:
        messages.append(Error(str(error), id="jeugdregie.E101"))
        mapping = []
    unknown = set(settings.JEUGDREGIE_SECOND_FACTOR_ROLES) - set(Role.values)
    if unknown:
        messages.append(
            Error(
                f"JEUGDREGIE_SECOND_FACTOR_ROLES names unknown roles: {', '.join(sorted(unknown))}",
                id="jeugdregie.E102",
            )
        )
    if settings.OIDC_RP_CLIENT_ID:
        missing = [name for name in REQUIRED_WITH_SSO if not getattr(settings, name)]
        if missing:
            messages.append(
                Error(
                    f"Single sign-on is on (OIDC_RP_CLIENT_ID) but {', '.join(missing)} "
                    "is not set.",
                    id="jeugdregie.E103",
                )
            )
        if not mapping:
            messages.append(
                CheckWarning(
                    "Single sign-on is on but JEUGDREGIE_OIDC_GROUPS is empty: nobody who "
                    "signs in through the identity provider gets access.",
                    id="jeugdregie.W101",
                )
            )
    return messages
