# SPDX-License-Identifier: EUPL-1.2
"""What each role may do. Object-level visibility lives in the selectors of each app."""

from django.db import models

from jeugdregie.accounts.constants import Role


class Capability(models.TextChoices):
    VIEW_PROVIDERS = "view_providers"
    VIEW_CONTRACTS = "view_contracts"
    VIEW_CATALOGUE = "view_catalogue"
    VIEW_CEILINGS = "view_ceilings"
    MANAGE_CEILINGS = "manage_ceilings"
    MANAGE_PROVIDERS = "manage_providers"
    MANAGE_MUNICIPALITIES = "manage_municipalities"
    VIEW_YOUTH = "view_youth"
    REGISTER_YOUTH = "register_youth"
    VIEW_ALLOCATIONS = "view_allocations"
    CREATE_ALLOCATIONS = "create_allocations"
    VIEW_STATISTICS = "view_statistics"
    VIEW_PRIVACY_LOG = "view_privacy_log"
    VIEW_PROVIDER_BUDGETS = "view_provider_budgets"
    VIEW_BUDGET_OVERVIEW = "view_budget_overview"
    REQUEST_CLIENT_STOP = "request_client_stop"
    DECIDE_CLIENT_STOPS = "decide_client_stops"
    VIEW_WAITING_LIST = "view_waiting_list"
    REPORT_WAITING_ENTRIES = "report_waiting_entries"
    VIEW_WAITING_MONITORING = "view_waiting_monitoring"
    REPORT_OWN_WAITING_ENTRIES = "report_own_waiting_entries"


_ALL_STAFF = frozenset(Role)

ROLE_CAPABILITIES: dict[str, frozenset[str]] = {
    Capability.VIEW_PROVIDERS: _ALL_STAFF - {Role.PRIVACY_OFFICER},
    Capability.VIEW_CONTRACTS: frozenset(
        {
            Role.CONTRACT_MANAGER,
            Role.ACCESS_STAFF,
            Role.GI_STAFF,
            Role.EXPERT_MEMBER,
            Role.PROVIDER,
            Role.POLICY,
            Role.FUNCTIONAL_ADMIN,
        }
    ),
    Capability.VIEW_CATALOGUE: _ALL_STAFF - {Role.PRIVACY_OFFICER},
    Capability.VIEW_CEILINGS: frozenset(
        {Role.CONTRACT_MANAGER, Role.PROVIDER, Role.POLICY, Role.EXPERT_MEMBER}
    ),
    Capability.MANAGE_CEILINGS: frozenset({Role.CONTRACT_MANAGER}),
    Capability.MANAGE_PROVIDERS: frozenset({Role.CONTRACT_MANAGER, Role.FUNCTIONAL_ADMIN}),
    Capability.MANAGE_MUNICIPALITIES: frozenset({Role.FUNCTIONAL_ADMIN}),
    Capability.VIEW_YOUTH: frozenset(
        {Role.CONTRACT_MANAGER, Role.ACCESS_STAFF, Role.GI_STAFF, Role.EXPERT_MEMBER, Role.PROVIDER}
    ),
    Capability.REGISTER_YOUTH: frozenset({Role.ACCESS_STAFF, Role.GI_STAFF}),
    Capability.VIEW_ALLOCATIONS: frozenset(
        {Role.CONTRACT_MANAGER, Role.ACCESS_STAFF, Role.GI_STAFF, Role.PROVIDER}
    ),
    # A manual allocation: contract management and the access team (JW301 follows).
    Capability.CREATE_ALLOCATIONS: frozenset({Role.CONTRACT_MANAGER, Role.ACCESS_STAFF}),
    Capability.VIEW_STATISTICS: frozenset(
        {Role.CONTRACT_MANAGER, Role.POLICY, Role.FUNCTIONAL_ADMIN}
    ),
    Capability.VIEW_PRIVACY_LOG: frozenset({Role.PRIVACY_OFFICER}),
    # A provider sees only its own budget; policy sees the region's aggregates only.
    Capability.VIEW_PROVIDER_BUDGETS: frozenset({Role.CONTRACT_MANAGER, Role.PROVIDER}),
    Capability.VIEW_BUDGET_OVERVIEW: frozenset({Role.CONTRACT_MANAGER, Role.POLICY}),
    Capability.REQUEST_CLIENT_STOP: frozenset({Role.PROVIDER}),
    Capability.DECIDE_CLIENT_STOPS: frozenset({Role.CONTRACT_MANAGER}),
    # Waiting lists: names for those who work with the youth; policy sees the figures only.
    Capability.VIEW_WAITING_LIST: frozenset(
        {Role.CONTRACT_MANAGER, Role.ACCESS_STAFF, Role.GI_STAFF, Role.PROVIDER, Role.POLICY}
    ),
    Capability.REPORT_WAITING_ENTRIES: frozenset(
        {Role.CONTRACT_MANAGER, Role.ACCESS_STAFF, Role.GI_STAFF, Role.PROVIDER}
    ),
    # The waiting-list API: a provider reports and closes its own entries.
    Capability.REPORT_OWN_WAITING_ENTRIES: frozenset({Role.PROVIDER}),
    # Monitoring of waiting and treatment duration: a provider sees its own data only.
    Capability.VIEW_WAITING_MONITORING: frozenset(
        {Role.CONTRACT_MANAGER, Role.POLICY, Role.PROVIDER}
    ),
}


def role_can(role: str, capability: str) -> bool:
    return role in ROLE_CAPABILITIES[capability]
