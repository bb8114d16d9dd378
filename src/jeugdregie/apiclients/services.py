# SPDX-License-Identifier: EUPL-1.2
"""Registering and revoking API clients. Both are written to the change log."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdregie.accounts.constants import ROLE_ORGANISATION_KIND, OrganisationKind, Role
from jeugdregie.accounts.models import Organisation, User
from jeugdregie.accounts.permissions import role_can
from jeugdregie.apiclients import tokens
from jeugdregie.apiclients.constants import DEFAULT_SERVICE_ROLE, SCOPE_CAPABILITY, Scope
from jeugdregie.apiclients.models import ApiClient
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.authentication.services import user_change_record

__all__ = [
    "LAST_USED_RESOLUTION",
    "Registration",
    "api_client_create",
    "api_client_mark_used",
    "api_client_revoke",
    "end_of_day",
]

# Not worth writing on every request: "last used" is kept to the minute.
LAST_USED_RESOLUTION = timedelta(minutes=1)
_NOT_LOGGED = ["secret_hash"]


@dataclass(frozen=True)
class Registration:
    """A new client and its token. The token is shown once and never stored."""

    client: ApiClient
    token: str


def _checked_scopes(scopes: Iterable[str], role: str) -> list[str]:
    chosen = list(dict.fromkeys(scope.strip() for scope in scopes if scope.strip()))
    if not chosen:
        raise ValidationError({"scopes": _("Choose at least one scope.")})
    unknown = [scope for scope in chosen if scope not in Scope.values]
    if unknown:
        raise ValidationError(
            {
                "scopes": _("Unknown scope '%(scope)s'; known scopes: %(known)s.")
                % {"scope": unknown[0], "known": ", ".join(Scope.values)}
            }
        )
    unfit = [scope for scope in chosen if not role_can(role, SCOPE_CAPABILITY[scope])]
    if unfit:
        raise ValidationError(
            {
                "scopes": _(
                    "Scope '%(scope)s' does not fit the role %(role)s of this client's "
                    "organisation."
                )
                % {"scope": unfit[0], "role": Role(role).label}
            }
        )
    return sorted(chosen)


def _checked_role(organisation: Organisation, role: str | None) -> str:
    role = role or DEFAULT_SERVICE_ROLE[organisation.kind]
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role '%(role)s'.") % {"role": role}})
    if ROLE_ORGANISATION_KIND[role] != organisation.kind:
        raise ValidationError(
            {
                "role": _("Role %(role)s belongs to an organisation of kind %(kind)s.")
                % {
                    "role": Role(role).label,
                    "kind": OrganisationKind(ROLE_ORGANISATION_KIND[role]).label,
                }
            }
        )
    return role


def end_of_day(day: date) -> datetime:
    """The moment a token valid "until ``day``" stops working: midnight after it, Dutch time."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _unused_prefix() -> str:
    for _attempt in range(10):
        prefix = tokens.new_prefix()
        if not ApiClient.objects.filter(prefix=prefix).exists():
            return prefix
    raise RuntimeError("no free token prefix after 10 attempts")  # 36^8 prefixes: never


@transaction.atomic
def api_client_create(
    *,
    actor: User | None,
    organisation: Organisation,
    name: str,
    scopes: Iterable[str],
    role: str | None = None,
    expires_at: datetime | None = None,
) -> Registration:
    """Register a client of ``organisation`` with its own service user; returns the token.

    The service user has the organisation and a role fitting its kind, no usable password
    and is inactive for interactive sign-in, so no login form, OIDC callback or session can
    ever carry it; it exists so that every access and change record names a user.
    """
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the client a name.")})
    role = _checked_role(organisation, role)
    checked_scopes = _checked_scopes(scopes, role)
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("The expiry date must lie in the future.")})
    prefix = _unused_prefix()
    token = tokens.new_token(prefix)
    service_user = User(
        username=f"api.{prefix}",
        first_name=_("API client"),
        last_name=name[:150],
        organisation=organisation,
        role=role,
        is_active=False,
    )
    service_user.set_unusable_password()
    service_user.full_clean()
    service_user.save()
    user_change_record(actor=actor, user=service_user, action=ChangeAction.CREATE)
    client = ApiClient.objects.create(
        organisation=organisation,
        name=name,
        service_user=service_user,
        prefix=prefix,
        secret_hash=tokens.token_hash(token),
        scopes=checked_scopes,
        created_by=actor,
        expires_at=expires_at,
    )
    change_record_create(
        user=actor, instance=client, action=ChangeAction.CREATE, redact=_NOT_LOGGED
    )
    return Registration(client=client, token=token)


@transaction.atomic
def api_client_revoke(*, actor: User | None, client: ApiClient) -> ApiClient:
    """Revoke at once: the next request with the token is refused (401)."""
    client = ApiClient.objects.select_for_update(of=("self",)).get(pk=client.pk)
    if client.revoked_at is not None:
        raise ValidationError(_("This API client has already been revoked."))
    before = snapshot(client, redact=_NOT_LOGGED)
    client.revoked_at = timezone.now()
    client.revoked_by = actor
    client.save(update_fields=["revoked_at", "revoked_by"])
    change_record_create(
        user=actor, instance=client, action=ChangeAction.UPDATE, before=before, redact=_NOT_LOGGED
    )
    return client


def api_client_mark_used(*, client: ApiClient, at: datetime) -> None:
    """Remember when the token was last used (at most one write a minute)."""
    if client.last_used_at is None or at - client.last_used_at >= LAST_USED_RESOLUTION:
        ApiClient.objects.filter(pk=client.pk).update(last_used_at=at)
        client.last_used_at = at
