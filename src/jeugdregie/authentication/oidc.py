# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on with the organisation's identity provider (OpenID Connect).

mozilla-django-oidc does the protocol (authorization code flow with PKCE, ID-token signature
against the provider's JWKS, nonce, userinfo); this backend decides who gets in: the user
name from a configured claim, the role and organisation from the groups claim through
``JEUGDREGIE_OIDC_GROUPS``. A user with none of the configured groups gets no access.
"""

import logging
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from jeugdregie.accounts.models import User
from jeugdregie.authentication.constants import SSO_REFUSAL_ATTRIBUTE
from jeugdregie.authentication.mapping import configured_group_mapping, grant_for, groups_in
from jeugdregie.authentication.selectors import sso_enabled
from jeugdregie.authentication.services import SignInRefused, user_sso_refuse, user_sso_sync

logger = logging.getLogger(__name__)


def username_in(claims: dict[str, Any]) -> str:
    """The user name: the configured claim (``preferred_username``), else ``sub``."""
    value = claims.get(settings.JEUGDREGIE_OIDC_USERNAME_CLAIM) or claims.get("sub") or ""
    return str(value).strip()[:150]


class OIDCBackend(OIDCAuthenticationBackend):
    """Creates or updates the user the provider signed in; role and organisation from the
    groups claim on every sign-in; refuses a user without a mapped group."""

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        if request is None or not sso_enabled():
            return None
        user: User | None = super().authenticate(request, **kwargs)
        return user

    def get_userinfo(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        """The ID token's claims with the userinfo answer on top: Entra ID puts the groups
        in the ID token, Keycloak in both."""
        userinfo = super().get_userinfo(access_token, id_token, payload)
        return {**payload, **userinfo}

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(username_in(claims))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        return User.objects.filter(username=username_in(claims))

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> User | None:
        claims = self.get_userinfo(access_token, id_token, payload)
        username = username_in(claims)
        if not username:
            raise SuspiciousOperation("The identity provider sent no user name claim.")
        grant = grant_for(groups_in(claims), configured_group_mapping())
        try:
            if grant is None:
                user_sso_refuse(username=username)
                raise SignInRefused(SignInRefused.NO_ROLE)
            return user_sso_sync(
                username=username,
                role=grant.role,
                organisation_code=grant.organisation_code,
                first_name=str(claims.get("given_name") or ""),
                last_name=str(claims.get("family_name") or ""),
                email=str(claims.get("email") or ""),
            )
        except SignInRefused as refusal:
            # never the user name (often a person's name or e-mail address): only the reason
            logger.warning("Sign-in through the identity provider refused: %s", refusal.reason)
            setattr(self.request, SSO_REFUSAL_ATTRIBUTE, refusal.reason)
            return None


def provider_logout_url(request: HttpRequest) -> str:
    """Where logging out of a single sign-on session goes: the provider's end-session
    endpoint (RP-initiated logout), which returns the browser to the login page."""
    login_url = request.build_absolute_uri(reverse("login"))
    if not settings.OIDC_OP_LOGOUT_ENDPOINT:
        return login_url
    params = {"client_id": settings.OIDC_RP_CLIENT_ID, "post_logout_redirect_uri": login_url}
    id_token = request.session.get("oidc_id_token")
    if id_token:
        params["id_token_hint"] = id_token
    separator = "&" if "?" in settings.OIDC_OP_LOGOUT_ENDPOINT else "?"
    return f"{settings.OIDC_OP_LOGOUT_ENDPOINT}{separator}{urlencode(params)}"
