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
    VIEW_TRAJECTORIES = "view_trajectories"
    REQUEST_EXTENSIONS = "request_extensions"
    REVIEW_EXTENSIONS = "review_extensions"
    APPROVE_EXTENSIONS = "approve_extensions"
    JUDGE_COMPLEXITY = "judge_complexity"
    MANAGE_WORKING_METHOD = "manage_working_method"
    VIEW_WAITING_LIST = "view_waiting_list"
    REPORT_WAITING_ENTRIES = "report_waiting_entries"
    VIEW_WAITING_MONITORING = "view_waiting_monitoring"
    REPORT_OWN_WAITING_ENTRIES = "report_own_waiting_entries"
    DERIVE_WAITING_ENTRIES = "derive_waiting_entries"
    VIEW_MESSAGE_REQUESTS = "view_message_requests"
    DECIDE_MESSAGE_REQUESTS = "decide_message_requests"
    VIEW_MESSAGES = "view_messages"
    VIEW_MESSAGE_TRAFFIC = "view_message_traffic"
    VIEW_CASES = "view_cases"
    CREATE_CASES = "create_cases"
    DECIDE_CASES = "decide_cases"
    VIEW_MEETINGS = "view_meetings"
    VIEW_CASE_OVERVIEW = "view_case_overview"
    MANAGE_API_CLIENTS = "manage_api_clients"
    VIEW_REGION_SETUP = "view_region_setup"
    VIEW_JOBS = "view_jobs"


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
    # Deriving entries from requests and allocations runs over the whole database: the region
    # office only (also nightly as `jeugdregie waitinglist_derive`).
    Capability.DERIVE_WAITING_ENTRIES: frozenset({Role.CONTRACT_MANAGER}),
    # Monitoring of waiting and treatment duration: a provider sees its own data only.
    Capability.VIEW_WAITING_MONITORING: frozenset(
        {Role.CONTRACT_MANAGER, Role.POLICY, Role.PROVIDER}
    ),
    # Perceel-2 trajectories: the coordinating practitioner requests extensions, the CJG (the
    # access team) does the intensive review, the referrer approves on the standard route.
    Capability.VIEW_TRAJECTORIES: frozenset(
        {Role.CONTRACT_MANAGER, Role.ACCESS_STAFF, Role.GI_STAFF, Role.PROVIDER}
    ),
    Capability.REQUEST_EXTENSIONS: frozenset({Role.PROVIDER}),
    Capability.REVIEW_EXTENSIONS: frozenset({Role.ACCESS_STAFF}),
    Capability.APPROVE_EXTENSIONS: frozenset({Role.ACCESS_STAFF, Role.GI_STAFF}),
    # The judgement "responsible to continue in perceel 2": the practitioner or the CJG.
    Capability.JUDGE_COMPLEXITY: frozenset({Role.ACCESS_STAFF, Role.PROVIDER}),
    # Continuing or ending a version of the working method (a decision of the region).
    Capability.MANAGE_WORKING_METHOD: frozenset({Role.CONTRACT_MANAGER}),
    # iJw worklists (JW315/JW317): the region and the municipality decide; a provider follows
    # its own requests. Messages name youth, so the viewer follows the same roles.
    Capability.VIEW_MESSAGE_REQUESTS: frozenset(
        {Role.CONTRACT_MANAGER, Role.ACCESS_STAFF, Role.PROVIDER}
    ),
    Capability.DECIDE_MESSAGE_REQUESTS: frozenset({Role.CONTRACT_MANAGER, Role.ACCESS_STAFF}),
    Capability.VIEW_MESSAGES: frozenset({Role.CONTRACT_MANAGER, Role.ACCESS_STAFF, Role.PROVIDER}),
    # Counts only (no personal data): also the functional administrator who runs the exchange.
    Capability.VIEW_MESSAGE_TRAFFIC: frozenset(
        {Role.CONTRACT_MANAGER, Role.FUNCTIONAL_ADMIN, Role.PROVIDER}
    ),
    # Afwegingskader: the access team, certified institutions and contract management ask;
    # the expert table and contract management decide; policy sees the overviews' figures.
    Capability.VIEW_CASES: frozenset(
        {Role.CONTRACT_MANAGER, Role.ACCESS_STAFF, Role.GI_STAFF, Role.EXPERT_MEMBER}
    ),
    Capability.CREATE_CASES: frozenset({Role.CONTRACT_MANAGER, Role.ACCESS_STAFF, Role.GI_STAFF}),
    Capability.DECIDE_CASES: frozenset({Role.CONTRACT_MANAGER, Role.EXPERT_MEMBER}),
    Capability.VIEW_MEETINGS: frozenset(
        {Role.CONTRACT_MANAGER, Role.ACCESS_STAFF, Role.GI_STAFF, Role.EXPERT_MEMBER}
    ),
    Capability.VIEW_CASE_OVERVIEW: frozenset(
        {Role.CONTRACT_MANAGER, Role.EXPERT_MEMBER, Role.POLICY}
    ),
    # Registering and revoking the API clients of the region's organisations (their tokens).
    Capability.MANAGE_API_CLIENTS: frozenset({Role.CONTRACT_MANAGER, Role.FUNCTIONAL_ADMIN}),
    # The first-run page: how far the region's installation is (counts, no personal data).
    Capability.VIEW_REGION_SETUP: frozenset({Role.FUNCTIONAL_ADMIN}),
    # The background jobs' runs and the worker's heartbeat (counts only): who runs the system.
    Capability.VIEW_JOBS: frozenset({Role.FUNCTIONAL_ADMIN}),
}


def role_can(role: str, capability: str) -> bool:
    return role in ROLE_CAPABILITIES[capability]
