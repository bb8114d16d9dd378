# SPDX-License-Identifier: EUPL-1.2
"""Scopes of the API: one per resource and action, and the role capability each one needs."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.accounts.constants import OrganisationKind, Role
from jeugdregie.accounts.permissions import Capability

__all__ = [
    "DEFAULT_SERVICE_ROLE",
    "PREFIX_LENGTH",
    "SCOPE_CAPABILITY",
    "SECRET_BYTES",
    "TOKEN_MARKER",
    "Scope",
]


class Scope(models.TextChoices):
    PROVIDERS_READ = "aanbieders:lezen", _("Read providers")
    YOUTH_READ = "jeugdigen:lezen", _("Search and read youth")
    ALLOCATIONS_READ = "toewijzingen:lezen", _("Read allocations")
    CLIENT_STOPS_REQUEST = "clientenstops:aanvragen", _("Request a client stop")
    EXTENSIONS_REQUEST = "verlengingen:aanvragen", _("Request extensions of trajectories")
    WAITING_LIST_READ = "wachtlijst:lezen", _("Read the own waiting list")
    WAITING_LIST_REPORT = "wachtlijst:melden", _("Report and close waiting-list entries")


# A scope never widens what the service user's role may do: it narrows it. A client can only
# be given scopes whose capability its role has (checked at registration).
SCOPE_CAPABILITY: dict[str, str] = {
    Scope.PROVIDERS_READ: Capability.VIEW_PROVIDERS,
    Scope.YOUTH_READ: Capability.VIEW_YOUTH,
    Scope.ALLOCATIONS_READ: Capability.VIEW_ALLOCATIONS,
    Scope.CLIENT_STOPS_REQUEST: Capability.REQUEST_CLIENT_STOP,
    Scope.EXTENSIONS_REQUEST: Capability.REQUEST_EXTENSIONS,
    Scope.WAITING_LIST_READ: Capability.REPORT_OWN_WAITING_ENTRIES,
    Scope.WAITING_LIST_REPORT: Capability.REPORT_OWN_WAITING_ENTRIES,
}

# The role a client's service user gets when none is chosen: the working role of its
# organisation kind (a provider's software acts as the provider, a municipal system as the
# municipality's access team).
DEFAULT_SERVICE_ROLE: dict[str, str] = {
    OrganisationKind.PROVIDER: Role.PROVIDER,
    OrganisationKind.MUNICIPALITY: Role.ACCESS_STAFF,
    OrganisationKind.CERTIFIED_INSTITUTION: Role.GI_STAFF,
    OrganisationKind.REGION_OFFICE: Role.CONTRACT_MANAGER,
}

# Token: "jr_" + 8 lowercase letters/digits (the prefix, stored in clear to find the client)
# + "_" + 43 characters of URL-safe base64 (32 random bytes, stored only as a SHA-256 hash).
TOKEN_MARKER = "jr_"  # noqa: S105 (a fixed marker, not a secret)
PREFIX_LENGTH = 8
SECRET_BYTES = 32
