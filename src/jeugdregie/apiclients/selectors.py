# SPDX-License-Identifier: EUPL-1.2
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from jeugdregie.accounts.models import Organisation, User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import organisation_by_code, region_id_of, user_can
from jeugdregie.apiclients.models import ApiClient

__all__ = [
    "api_client_by_reference",
    "api_clients_all",
    "api_clients_visible_to",
    "organisation_by_reference",
    "organisations_for_api_clients",
]


def api_clients_all() -> QuerySet[ApiClient]:
    """Every client, for the command line (run by the operator of the installation)."""
    return ApiClient.objects.select_related(
        "organisation__region", "created_by", "revoked_by", "service_user"
    ).order_by("organisation__region__code", "organisation__name", "name", "pk")


def api_clients_visible_to(*, user: User) -> QuerySet[ApiClient]:
    """The clients of the organisations of the user's region (functional administrator and
    contract management)."""
    if not user_can(user, Capability.MANAGE_API_CLIENTS):
        raise PermissionDenied
    return api_clients_all().filter(organisation__region_id=region_id_of(user))


def organisations_for_api_clients(*, user: User) -> QuerySet[Organisation]:
    """Organisations of the user's region a client may be registered for."""
    if not user_can(user, Capability.MANAGE_API_CLIENTS):
        raise PermissionDenied
    return Organisation.objects.filter(region_id=region_id_of(user)).order_by("name")


def organisation_by_reference(reference: str) -> Organisation | None:
    """An organisation by its database id (digits) or its code."""
    reference = reference.strip()
    if reference.isdigit():
        return Organisation.objects.filter(pk=int(reference)).first()
    return organisation_by_code(reference)


def api_client_by_reference(reference: str) -> ApiClient | None:
    """A client by its token prefix or, failing that, its database id."""
    reference = reference.strip()
    found = ApiClient.objects.filter(prefix=reference).first()
    if found is None and reference.isdigit():
        found = ApiClient.objects.filter(pk=int(reference)).first()
    return found
