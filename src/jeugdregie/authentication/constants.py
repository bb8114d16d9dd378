# SPDX-License-Identifier: EUPL-1.2
from jeugdregie.accounts.constants import Role

__all__ = [
    "LAST_ACTIVITY_SESSION_KEY",
    "MANAGEMENT_APPS",
    "OIDC_BACKEND",
    "SECOND_FACTOR_ALWAYS",
    "SECOND_FACTOR_FREE_VIEWS",
    "SSO_REFUSAL_ATTRIBUTE",
]

SECOND_FACTOR_ALWAYS: frozenset[str] = frozenset(
    {Role.FUNCTIONAL_ADMIN, Role.PRIVACY_OFFICER, Role.CONTRACT_MANAGER}
)
"""Roles that always need a second factor on a local account (so does every staff user)."""

OIDC_BACKEND = "jeugdregie.authentication.oidc.OIDCBackend"
"""The backend path Django keeps in the session of a user who signed in with single sign-on;
the identity provider did the second factor."""

LAST_ACTIVITY_SESSION_KEY = "jeugdregie_last_activity"
"""Unix time of the session's latest request (idle timeout)."""

SSO_REFUSAL_ATTRIBUTE = "jeugdregie_sso_refusal"
"""Set on the request by the OIDC backend when it refuses a user the provider signed in."""

SECOND_FACTOR_FREE_VIEWS: frozenset[str] = frozenset(
    {
        "login",
        "logout",
        "second-factor",
        "second-factor-enrol",
        "no-access",
        "oidc_authentication_init",
        "oidc_authentication_callback",
        "admin-login",
    }
)
"""Views a signed-in user may open before passing the second factor."""

MANAGEMENT_APPS: tuple[str, ...] = ("accounts", "regions", "contracting", "budgets")
"""The apps whose models a functional administrator keeps in the management site (/beheer/):
view, add and change; deleting is for nobody there."""
