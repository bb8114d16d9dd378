# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.accounts.constants import Role
from jeugdregie.framework import engine

__all__ = [
    "RECORDING_ROLE",
    "Outcome",
    "recording_role_label",
]


class Outcome(models.TextChoices):
    """Outcomes of spec §7; the values are the engine's and part of the interface."""

    EXCEPTION = engine.UITZONDERING, _("Allowed through an exception")
    SATISFIED = engine.VOLDAAN, _("Requirements met")
    REJECTED = engine.AFGEWEZEN, _("Rejected")
    INSUFFICIENT_INFORMATION = engine.ONVOLDOENDE_INFORMATIE, _("Insufficient information")
    REFER = engine.VOORLEGGEN, _("Present to the expert table")


# How the application's roles are written in `recorded_by_role` of a case (spec §6). The
# rule sets name the roles that settle judgements (`judgement_settled_by`).
RECORDING_ROLE: dict[str, str] = {
    Role.EXPERT_MEMBER: "expert_team",
    Role.CONTRACT_MANAGER: "contract_management",
    Role.ACCESS_STAFF: "access_team",
    Role.GI_STAFF: "certified_institution",
    Role.PROVIDER: "provider",
}


def recording_role_label(value: str) -> str:
    """Who recorded a fact, by the label of their role (``value`` as in ``RECORDING_ROLE``)."""
    roles = {recorded: role for role, recorded in RECORDING_ROLE.items()}
    return str(Role(roles[value]).label) if value in roles else value
