# SPDX-License-Identifier: EUPL-1.2
"""Which identity-provider group gives which role in which organisation.

Configured as ``JEUGDREGIE_OIDC_GROUPS="group=role@organisation-code;..."``: the group as the
provider names it (an Entra ID group object id, a Keycloak group name or path), the role
(``accounts.constants.Role``) and the organisation's ``code``. The first entry whose group
the user has decides; a user with none of the groups gets no access.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from jeugdregie.accounts.constants import Role


@dataclass(frozen=True)
class GroupGrant:
    group: str
    role: str
    organisation_code: str


class GroupMappingError(ValueError):
    """The mapping in the environment cannot be read."""


def parse_group_mapping(text: str) -> list[GroupGrant]:
    """Read ``group=role@code`` entries separated by semicolons or new lines."""
    grants = []
    entries = [entry.strip() for entry in text.replace("\n", ";").split(";")]
    for entry in filter(None, entries):
        group, separator, target = entry.rpartition("=")
        role, at, code = target.partition("@")
        group, role, code = group.strip(), role.strip(), code.strip()
        if not separator or not at or not group or not code:
            raise GroupMappingError(
                f"JEUGDREGIE_OIDC_GROUPS: '{entry}' is not of the form group=role@organisation"
            )
        if role not in Role.values:
            raise GroupMappingError(
                f"JEUGDREGIE_OIDC_GROUPS: '{entry}' names role '{role}'; "
                f"expected one of {', '.join(Role.values)}"
            )
        grants.append(GroupGrant(group=group, role=role, organisation_code=code))
    return grants


def configured_group_mapping() -> list[GroupGrant]:
    return parse_group_mapping(settings.JEUGDREGIE_OIDC_GROUPS)


def groups_in(claims: dict[str, Any]) -> list[str]:
    """The user's groups from the configured claim: a list, or one string."""
    value = claims.get(settings.JEUGDREGIE_OIDC_GROUPS_CLAIM)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(group) for group in value]
    return []


def grant_for(groups: Iterable[str], mapping: Iterable[GroupGrant]) -> GroupGrant | None:
    """The first configured grant whose group the user has."""
    held = set(groups)
    return next((grant for grant in mapping if grant.group in held), None)
