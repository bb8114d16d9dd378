# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "ROLE_ORGANISATION_KIND",
    "OrganisationKind",
    "Role",
]


class OrganisationKind(models.TextChoices):
    REGION_OFFICE = "region_office", _("Region service organisation")
    MUNICIPALITY = "municipality", _("Municipality")
    CERTIFIED_INSTITUTION = "certified_institution", _("Certified institution")
    PROVIDER = "provider", _("Provider")


class Role(models.TextChoices):
    CONTRACT_MANAGER = "contract_manager", _("Contract manager")
    ACCESS_STAFF = "access_staff", _("Access team member")
    GI_STAFF = "gi_staff", _("Certified institution staff member")
    EXPERT_MEMBER = "expert_member", _("Expert-table member")
    PROVIDER = "provider", _("Provider staff member")
    POLICY = "policy", _("Policy officer or controller")
    FUNCTIONAL_ADMIN = "functional_admin", _("Functional administrator")
    PRIVACY_OFFICER = "privacy_officer", _("Privacy officer")


# Which kind of organisation each role belongs to.
ROLE_ORGANISATION_KIND: dict[str, str] = {
    Role.CONTRACT_MANAGER: OrganisationKind.REGION_OFFICE,
    Role.ACCESS_STAFF: OrganisationKind.MUNICIPALITY,
    Role.GI_STAFF: OrganisationKind.CERTIFIED_INSTITUTION,
    Role.EXPERT_MEMBER: OrganisationKind.REGION_OFFICE,
    Role.PROVIDER: OrganisationKind.PROVIDER,
    Role.POLICY: OrganisationKind.REGION_OFFICE,
    Role.FUNCTIONAL_ADMIN: OrganisationKind.REGION_OFFICE,
    Role.PRIVACY_OFFICER: OrganisationKind.REGION_OFFICE,
}
