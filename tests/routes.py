# SPDX-License-Identifier: EUPL-1.2
"""The route table: every URL of the product, what each role gets, and what it shows.

Columns are the roles in this order:
CM contract management, AS access team, GI certified institution, EX expert table,
PR provider, PO policy, FA functional administrator, PV privacy officer.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.factories import World

ROLE_COLUMNS = [
    Role.CONTRACT_MANAGER,
    Role.ACCESS_STAFF,
    Role.GI_STAFF,
    Role.EXPERT_MEMBER,
    Role.PROVIDER,
    Role.POLICY,
    Role.FUNCTIONAL_ADMIN,
    Role.PRIVACY_OFFICER,
]


# The methods a view may accept; every one it accepts has a row, the others answer 405.
METHODS = ("get", "post", "put", "patch", "delete")
# Statuses that refuse a role (a 400 is an allowed role's bad input).
FORBIDDEN = frozenset({403, 404, 405})


@dataclass(frozen=True)
class Route:
    """One row: a URL and method, what each role gets, and what a write changes.

    ``kwargs`` and ``data`` are computed from the world once per row, before the roles'
    attempts (each attempt is rolled back, so every role meets the same world). ``state`` is a
    cheap snapshot of what the write changes (a row count, a status): a refused attempt
    leaves it as it was, a successful write (a status below 400) changes it unless the row
    says ``writes=False``.
    """

    name: str
    expected: str  # one status code per role column, e.g. "200 403 ..."
    kwargs: Callable[[World], dict[str, Any]] = lambda w: {}
    method: str = "get"
    data: Callable[[World], Any] = lambda w: {}
    personal_data: bool = False  # shows personal data, so every read must be logged
    api: bool = False
    state: Callable[[World], object] | None = None
    writes: bool = True
    variant: str = ""  # tells rows of the same URL and method apart

    def statuses(self) -> dict[str, int]:
        codes = [int(code) for code in self.expected.split()]
        assert len(codes) == len(ROLE_COLUMNS), self.name
        return dict(zip(ROLE_COLUMNS, codes, strict=True))


def anna(w: World) -> dict[str, Any]:
    return {"pk": w.youth["anna"].pk}


def anna_bsn(w: World) -> dict[str, Any]:
    return {"q": w.youth["anna"].bsn}


def _ceiling_proposal_for_2020(w: World) -> dict[str, Any]:
    """Only providers under a regional or tendered contract in the year get a proposed
    ceiling, and the region's ceiling norms run to 2020: the providers' contracts of 2020
    (rolled back with the row like everything the row makes)."""
    from jeugdregie.testing.contracts import contracted_from

    contracted_from(w, 2020, until=date(2020, 12, 31))
    return {"year": "2020", "decision_reference": "Besluit 2019-33"}


def _client_stop(w: World, *, other: bool, status: str) -> dict[str, Any]:
    from jeugdregie.budgets.models import ClientStop

    stop, _created = ClientStop.objects.get_or_create(
        region=w.region,
        provider=w.other_provider if other else w.provider,
        defaults={"status": status, "start": date(2030, 1, 1), "reason": "vol"},
    )
    return {"pk": stop.pk}


def client_stop(w: World) -> dict[str, Any]:
    """A requested client stop of the world's provider (made once per test)."""
    from jeugdregie.budgets.constants import ClientStopStatus

    return _client_stop(w, other=False, status=ClientStopStatus.REQUESTED)


def ceiling_exception(w: World) -> dict[str, Any]:
    """A requested nee-tenzij exception of the world's provider for Chris."""
    from jeugdregie.budgets.models import CeilingException

    exception, _created = CeilingException.objects.get_or_create(
        region=w.region,
        provider=w.provider,
        youth=w.youth["chris"],
        product=w.product,
        defaults={"cannot_wait": True, "only_here": True, "explanation": "spoed"},
    )
    return {"pk": exception.pk}


def anna_allocation_request(w: World) -> dict[str, Any]:
    """Anna's open request for allocation (JW315 of the world's provider), made once."""
    from django.utils import timezone

    from jeugdregie.messaging.models import AllocationRequest
    from jeugdregie.messaging.services.inbox import message_receive
    from jeugdregie.messaging.tests import messages as m

    request = AllocationRequest.objects.filter(reference="ROUTE-VOT").first()
    if request is None:
        today = timezone.localdate()
        message_receive(
            data=m.jw315(
                w.provider.agb_code,
                "ROUTE315",
                bsn=w.youth["anna"].bsn,
                day=today,
                reference="ROUTE-VOT",
                start=today,
                end=date(today.year + 1, 12, 31),
            )
        )
        request = AllocationRequest.objects.get(reference="ROUTE-VOT")
    return {"pk": request.pk}


def anna_request_message(w: World) -> dict[str, Any]:
    """The received JW315 that names Anna."""
    from jeugdregie.messaging.models import AllocationRequest

    request = AllocationRequest.objects.get(pk=anna_allocation_request(w)["pk"])
    return {"pk": request.inbox_message_id}


def anna_change_request(w: World) -> dict[str, Any]:
    """Anna's open request for change (JW317) on a current allocation, made once."""
    from django.utils import timezone

    from jeugdregie.contracting.constants import Frequency
    from jeugdregie.messaging.models import ChangeRequest
    from jeugdregie.messaging.services.inbox import message_receive
    from jeugdregie.messaging.tests import messages as m
    from jeugdregie.workflows.allocations import allocation_grant

    request = ChangeRequest.objects.filter(reference="ROUTE-VOW").first()
    if request is None:
        today = timezone.localdate()
        current = allocation_grant(
            actor=None,
            youth=w.youth["anna"],
            provider=w.provider,
            product=w.product,
            start=today,
            volume=10,
            frequency=Frequency.TOTAL,
        )
        message_receive(
            data=m.jw317(
                w.provider.agb_code,
                "ROUTE317",
                bsn=w.youth["anna"].bsn,
                day=today,
                reference="ROUTE-VOW",
                changed=[(int(current.number), today + timedelta(days=30), None, 20)],
            )
        )
        request = ChangeRequest.objects.get(reference="ROUTE-VOW")
    return {"pk": request.pk}


def jw301_of(key: str) -> Callable[[World], dict[str, Any]]:
    """The JW301 sent when the world allocated to this youth."""

    def kwargs(w: World) -> dict[str, Any]:
        from jeugdregie.messaging.models import OutboxMessage

        message = OutboxMessage.objects.filter(youth=w.youth[key], message_type="JW301").first()
        assert message is not None, key
        return {"pk": message.pk}

    return kwargs


def decline_without_reason(w: World) -> dict[str, Any]:
    return {"decision": "reject", "rejection_reason": "", "note": ""}


def waiting_entries(w: World) -> dict[str, Any]:
    """An open waiting-list entry per youth of the world, like their allocation (made once)."""
    from jeugdregie.waitinglists.constants import WaitingSource
    from jeugdregie.waitinglists.models import WaitingEntry

    for key, allocation in w.allocations.items():
        WaitingEntry.objects.get_or_create(
            youth=w.youth[key],
            provider=allocation.provider,
            product=allocation.product,
            defaults={
                "lot": allocation.product.lot,
                "referral": w.referrals[key],
                "waiting_since": date(2025, 1, 6),
                "source": WaitingSource.STAFF,
            },
        )
    return {}


def anna_waiting_entry(w: World) -> dict[str, Any]:
    from jeugdregie.waitinglists.models import WaitingEntry

    waiting_entries(w)
    return {"pk": WaitingEntry.objects.get(youth=w.youth["anna"]).pk}


def anna_trajectory(w: World) -> dict[str, Any]:
    """A perceel-2 trajectory on Anna's allocation at the world's provider (made once)."""
    from jeugdregie.trajectories.models import Trajectory

    allocation = w.allocations["anna"]
    assert allocation.end is not None
    trajectory, _created = Trajectory.objects.get_or_create(
        allocation=allocation,
        defaults={
            "practitioner_name": "Drs. A. de Wit",
            "basic_duration_months": 6,
            "max_extension_months": 6,
            "maximum_end": date(allocation.start.year + 2, 1, 31),
            "start": allocation.start,
            "original_end": allocation.end,
        },
    )
    return {"pk": trajectory.pk}


def anna_extension(route: str) -> Callable[[World], dict[str, Any]]:
    """A pending extension of Anna's trajectory waiting on ``route`` (made once per route)."""

    def kwargs(w: World) -> dict[str, Any]:
        from jeugdregie.trajectories.models import Extension, Trajectory

        trajectory = Trajectory.objects.get(pk=anna_trajectory(w)["pk"])
        extension, _created = Extension.objects.get_or_create(
            trajectory=trajectory,
            route=route,
            defaults={
                "number": 1,
                "requested_on": trajectory.start,
                "previous_end": trajectory.original_end,
                "requested_end": trajectory.original_end.replace(day=1) + timedelta(days=62),
            },
        )
        return {"pk": extension.pk}

    return kwargs


def made(make: Callable[[World], dict[str, Any]]) -> Callable[[World], dict[str, Any]]:
    """No URL arguments, but the row exists first (so a list shows it)."""
    return lambda w: (make(w), {})[1]


def anna_extension_request(w: World) -> dict[str, Any]:
    """An API extension request for Anna's trajectory (standard route: no policy in ZHZ)."""
    anna_trajectory(w)
    allocation = w.allocations["anna"]
    assert allocation.end is not None
    return {
        "municipality": allocation.municipality.cbs_code,
        "allocation_number": allocation.number,
        "requested_end": (allocation.end + timedelta(days=31)).isoformat(),
    }


def anna_case(w: World) -> dict[str, Any]:
    """A light-contract request of the access team for Anna at a provider the region has not
    contracted (made once)."""
    from decimal import Decimal

    from jeugdregie.casetable.constants import CaseKind
    from jeugdregie.casetable.models import Case
    from jeugdregie.casetable.services import case_create
    from jeugdregie.testing.factories import ProviderFactory

    case = Case.objects.filter(region=w.region).first()
    if case is None:
        case = case_create(
            actor=w.users[Role.ACCESS_STAFF],
            kind=CaseKind.LIGHT_CONTRACT,
            youth=w.youth["anna"],
            provider=ProviderFactory.create(name="Zorgboerderij De Hoeve"),
            product=w.product,
            request_date=date(2025, 3, 3),
            start=date(2025, 8, 1),
            end=date(2026, 1, 31),
            volume=10,
            frequency="4",
            tariff=Decimal("90.00"),
            care_setting="ambulant",
            facts={"acute_crisis_or_serious_harm": True, "contracted_providers_contacted": True},
        )
    return {"pk": case.pk}


def _meeting(w: World, *, with_anna: bool) -> Any:
    from django.utils import timezone

    from jeugdregie.casetable.models import Meeting
    from jeugdregie.casetable.services import case_schedule, meeting_create

    meeting = Meeting.objects.filter(region=w.region, items__isnull=not with_anna).first()
    if meeting is None:
        meeting = meeting_create(
            actor=w.users[Role.EXPERT_MEMBER],
            date=timezone.localdate() + timedelta(days=7),
            members=[w.users[Role.EXPERT_MEMBER], w.users[Role.CONTRACT_MANAGER]],
        )
        if with_anna:
            from jeugdregie.casetable.models import Case

            case = Case.objects.get(pk=anna_case(w)["pk"])
            case_schedule(actor=w.users[Role.ACCESS_STAFF], case=case, meeting=meeting)
    return meeting


def anna_meeting(w: World) -> dict[str, Any]:
    """A planned expert-table meeting with Anna's case on the agenda (made once)."""
    return {"pk": _meeting(w, with_anna=True).pk}


def anna_case_on_the_table(w: World) -> dict[str, Any]:
    """Anna's case on the agenda of a meeting the expert-table member sits on: an expert
    member sees exactly the cases (and youth) on the tables they sit on."""
    anna_meeting(w)
    return anna_case(w)


def anna_agenda_item(w: World) -> dict[str, Any]:
    meeting = _meeting(w, with_anna=True)
    return {"pk": meeting.pk, "item": meeting.items.get().pk}


def empty_meeting(w: World) -> dict[str, Any]:
    """The form data to put Anna's open case on another planned meeting (each role anew)."""
    from jeugdregie.casetable.constants import CaseStatus
    from jeugdregie.casetable.models import Case

    meeting = _meeting(w, with_anna=False)
    meeting.items.all().delete()
    Case.objects.filter(pk=anna_case(w)["pk"]).update(status=CaseStatus.OPEN)
    return {"agenda-meeting": meeting.pk}


def postpone_anna(w: World) -> dict[str, Any]:
    """The table's decision to postpone Anna's case (on an undecided agenda item, each role
    anew)."""
    from jeugdregie.casetable.constants import CaseStatus
    from jeugdregie.casetable.models import AgendaItem, Case

    item = anna_agenda_item(w)["item"]
    AgendaItem.objects.filter(pk=item).update(decision="", motivation="", decided_at=None)
    Case.objects.filter(pk=anna_case(w)["pk"]).update(status=CaseStatus.ON_AGENDA)
    return {f"punt{item}-decision": "postpone", f"punt{item}-motivation": "Meer informatie"}


# --- what a write changes ----------------------------------------------------------------


def count(label: str) -> Callable[[World], object]:
    """State: the number of rows of a model (``app.Model``)."""

    def state(w: World) -> object:
        from django.apps import apps

        return apps.get_model(label).objects.count()

    return state


def fields(
    label: str, make: Callable[[World], dict[str, Any]], *names: str
) -> Callable[[World], object]:
    """State: these fields of the row ``make`` points at."""

    def state(w: World) -> object:
        from django.apps import apps

        model = apps.get_model(label)
        return list(model.objects.filter(pk=make(w)["pk"]).values_list(*names))

    return state


def rows(label: str, *names: str) -> Callable[[World], object]:
    """State: these fields of every row of a model (for a write that moves its row out of
    the lookup that found it)."""

    def state(w: World) -> object:
        from django.apps import apps

        return sorted(apps.get_model(label).objects.values_list("pk", *names))

    return state


# --- more rows of the world, each made once per test -------------------------------------


def confirmed_client_stop(w: World) -> dict[str, Any]:
    """A confirmed client stop of the other provider (one that can be lifted)."""
    from jeugdregie.budgets.constants import ClientStopStatus

    return _client_stop(w, other=True, status=ClientStopStatus.CONFIRMED)


def chris_waiting_entry(w: World) -> dict[str, Any]:
    """Chris's open waiting-list entry, at the other provider."""
    from jeugdregie.waitinglists.models import WaitingEntry

    waiting_entries(w)
    return {"pk": WaitingEntry.objects.get(youth=w.youth["chris"]).pk}


def _trajectory_of(w: World, key: str) -> Any:
    from jeugdregie.trajectories.models import Trajectory

    allocation = w.allocations[key]
    assert allocation.end is not None
    trajectory, _created = Trajectory.objects.get_or_create(
        allocation=allocation,
        defaults={
            "practitioner_name": "Drs. B. Zwart",
            "basic_duration_months": 6,
            "max_extension_months": 6,
            "maximum_end": date(allocation.start.year + 2, 1, 31),
            "start": allocation.start,
            "original_end": allocation.end,
        },
    )
    return trajectory


def chris_trajectory(w: World) -> dict[str, Any]:
    """A perceel-2 trajectory of the other provider (Chris), in which the world's provider
    has no part."""
    return {"pk": _trajectory_of(w, "chris").pk}


def shared_trajectory(w: World) -> dict[str, Any]:
    """Chris's trajectory at the other provider, with the world's provider as its additional
    practitioner (made once; rows with ``chris_trajectory`` see it without)."""
    from jeugdregie.contracting.constants import Frequency
    from jeugdregie.trajectories.models import AdditionalPractitioner
    from jeugdregie.workflows.allocations import allocation_grant

    trajectory = _trajectory_of(w, "chris")
    if not trajectory.additional_practitioners.exists():
        allocation = allocation_grant(
            actor=None,
            youth=w.youth["chris"],
            provider=w.provider,
            product=w.product,
            start=trajectory.start,
            end=trajectory.original_end,
            volume=1,
            frequency=Frequency.PER_WEEK,
        )
        AdditionalPractitioner.objects.create(
            trajectory=trajectory, allocation=allocation, practitioner_name="Mw. C. Groen"
        )
    return {"pk": trajectory.pk}


def chris_extension(w: World) -> dict[str, Any]:
    """A pending extension of the other provider's trajectory, waiting on a self-assessment."""
    from jeugdregie.trajectories.models import Extension, Trajectory

    trajectory = Trajectory.objects.get(pk=chris_trajectory(w)["pk"])
    extension, _created = Extension.objects.get_or_create(
        trajectory=trajectory,
        route="self_assessment",
        defaults={
            "number": 1,
            "requested_on": trajectory.start,
            "previous_end": trajectory.original_end,
            "requested_end": trajectory.original_end.replace(day=1) + timedelta(days=62),
        },
    )
    return {"pk": extension.pk}


def eligible_allocation(w: World) -> dict[str, Any]:
    """The form to register a trajectory on a running perceel-2 allocation of the world's
    provider in IJZK (whose policy gives the product a basic treatment duration)."""
    from jeugdregie.contracting.constants import Frequency
    from jeugdregie.contracting.models import Product
    from jeugdregie.trajectories.tests.world import build_perceel2
    from jeugdregie.workflows.allocations import allocation_grant

    product = Product.objects.filter(region=w.other_region, code="52L03").first()
    if product is None:
        product = build_perceel2(w).product
    allocation = allocation_grant(
        actor=None,
        youth=w.youth["daan"],
        provider=w.provider,
        product=product,
        start=date(2026, 2, 1),
        end=date(2027, 1, 31),
        volume=2,
        frequency=Frequency.PER_WEEK,
    )
    return {"allocation": allocation.pk, "practitioner_name": "Drs. A. de Wit"}


def unlinked_bsn_read(w: World) -> dict[str, Any]:
    """The keyed hash of a BSN a provider read in a message that names no youth of the
    region (recorded once)."""
    from jeugdregie.audit.constants import AccessPurpose
    from jeugdregie.audit.services import access_record_create, bsn_hash
    from jeugdregie.testing.factories import synthetic_test_bsn

    bsn = synthetic_test_bsn(30)
    access_record_create(
        user=w.users[Role.PROVIDER],
        youth_ids=[],
        purpose=AccessPurpose.DETAIL,
        route="/berichten/ontvangen/1/",
        bsns=[bsn],
        region_id=w.region.pk,
    )
    return {"key": bsn_hash(bsn)}


# A BSN that passes the eleven-test and belongs to nobody in the world.
UNKNOWN_BSN = "999998948"

# --- valid input of each form ------------------------------------------------------------


def new_youth(w: World) -> dict[str, Any]:
    from jeugdregie.testing.factories import synthetic_test_bsn

    return {
        "bsn": synthetic_test_bsn(20),
        "given_name": "Eva",
        "family_name": "Mulder",
        "birth_date": "2014-05-06",
        "gender": "2",
        "municipality": w.dordrecht.pk,
    }


def new_exception_request(w: World, bsn: str) -> dict[str, Any]:
    """A nee-tenzij request: the provider types the identity."""
    return {
        "bsn": bsn,
        "given_name": "Sam",
        "family_name": "Verzonnen",
        "birth_date": "2019-05-05",
        "product": w.product.pk,
        "cannot_wait": "on",
        "only_here": "on",
        "explanation": "Spoed",
    }


def new_allocation(w: World) -> dict[str, Any]:
    return {
        "bsn": w.youth["anna"].bsn,
        "provider": w.provider.pk,
        "product": w.product.pk,
        "start": "2025-09-01",
        "end": "2025-12-31",
        "volume": "10",
        "frequency": "6",
        "budget": "",
    }


def new_waiting_entry(w: World) -> dict[str, Any]:
    """A report on the screen: staff choose the provider, a provider types the identity."""
    return {
        "bsn": w.youth["anna"].bsn,
        "given_name": "Anna",
        "family_name": "Visser",
        "birth_date": "2012-03-01",
        "lot": w.lot.pk,
        "provider": w.provider.pk,
        "product": w.product.pk,
        "waiting_since": "2025-03-03",
    }


def new_waiting_entries(w: World) -> dict[str, Any]:
    """A report through the API (JSON)."""
    return {
        "entries": [
            {
                "bsn": w.youth["anna"].bsn,
                "given_name": "Anna",
                "family_name": "Visser",
                "birth_date": "2012-03-01",
                "lot": w.lot.code,
                "product": w.product.code,
                "waiting_since": "2025-03-03",
            }
        ]
    }


def new_case(w: World) -> dict[str, Any]:
    return {
        "kind": "ceiling_overrun",
        "bsn": w.youth["anna"].bsn,
        "provider": w.provider.pk,
        "product": w.product.pk,
        "care_setting": "ambulant",
        "request_date": "2025-03-03",
        "start": "2025-08-01",
        "end": "2026-01-31",
        "volume": "10",
        "frequency": "4",
        "tariff": "90.00",
    }


def new_meeting(w: World) -> dict[str, Any]:
    return {
        "date": "2030-06-03",
        "members": [w.users[Role.EXPERT_MEMBER].pk, w.users[Role.CONTRACT_MANAGER].pk],
        "guests": "",
    }


def close_entry(w: World) -> dict[str, Any]:
    return {"outflow_date": "2025-06-02", "outflow_reason": "care_started", "outflow_note": ""}


def approve(w: World) -> dict[str, Any]:
    return {"decision": "approve", "rejection_reason": "", "note": ""}


def api_client(w: World) -> dict[str, Any]:
    """A registered API client of the world's provider (made once per test)."""
    from jeugdregie.apiclients.models import ApiClient
    from jeugdregie.apiclients.services import api_client_create

    client = ApiClient.objects.filter(name="Routeclient").first()
    if client is None:
        organisation = w.users[Role.PROVIDER].organisation
        assert organisation is not None
        client = api_client_create(
            actor=None, organisation=organisation, name="Routeclient", scopes=["aanbieders:lezen"]
        ).client
    return {"pk": client.pk}


# fmt: off
ROUTES = [
    #                                          CM  AS  GI  EX  PR  PO  FA  PV
    Route("home",                             "200 200 200 200 200 200 200 200"),
    Route("region-setup",                     "403 403 403 403 403 403 200 403"),
    # --- contracting ---
    Route("contracting:provider-list",        "200 200 200 200 200 200 200 403"),
    Route("contracting:provider-create",      "200 403 403 403 403 403 200 403"),
    Route("contracting:provider-create",      "302 403 403 403 403 403 302 403",
          method="post", state=count("contracting.Provider"),
          data=lambda w: {"agb_code": "73730099", "name": "Zorg Nieuw", "kvk_number": ""}),
    Route("contracting:provider-detail",      "200 200 200 200 200 200 200 403",
          kwargs=lambda w: {"pk": w.provider.pk}),
    Route("contracting:provider-update",      "200 403 403 403 403 403 200 403",
          kwargs=lambda w: {"pk": w.provider.pk}),
    Route("contracting:provider-update",      "302 403 403 403 403 403 302 403",
          kwargs=lambda w: {"pk": w.provider.pk}, method="post",
          data=lambda w: {"name": "De Linde Jeugdzorg B.V.", "kvk_number": ""},
          state=fields("contracting.Provider", lambda w: {"pk": w.provider.pk}, "name")),
    Route("contracting:contract-list",        "200 200 200 200 200 200 200 403"),
    Route("contracting:lot-list",             "200 200 200 200 200 200 200 403"),
    # --- budgets ---
    Route("budgets:ceiling-list",             "200 403 403 200 200 200 403 403"),
    Route("budgets:ceiling-set",              "200 403 403 403 403 403 403 403"),
    Route("budgets:ceiling-set",              "302 403 403 403 403 403 403 403",
          method="post", state=count("budgets.BudgetCeiling"),
          data=lambda w: {"provider": w.provider.pk, "year": "2027", "lot": "",
                          "amount": "150000", "reason": "Nieuw plafond",
                          "decision_reference": ""}),
    Route("budgets:ceiling-proposal",         "200 403 403 403 403 403 403 403"),
    Route("budgets:ceiling-proposal",         "302 403 403 403 403 403 403 403",
          method="post", state=count("budgets.BudgetCeiling"),
          data=lambda w: _ceiling_proposal_for_2020(w)),
    Route("budgets:provider-budget",          "200 403 403 403 200 403 403 403",
          kwargs=lambda w: {"pk": w.provider.pk}),
    Route("budgets:provider-budget",          "200 403 403 403 404 403 403 403",
          kwargs=lambda w: {"pk": w.other_provider.pk}, variant="andere-aanbieder"),
    Route("budgets:budget-overview",          "200 403 403 403 403 200 403 403"),
    Route("budgets:budget-overview-csv",      "200 403 403 403 403 200 403 403"),
    Route("budgets:budget-overview-xlsx",     "200 403 403 403 403 200 403 403"),
    Route("budgets:client-stop-list",         "200 403 403 403 403 403 403 403"),
    Route("budgets:client-stop-request",      "403 403 403 403 200 403 403 403"),
    Route("budgets:client-stop-request",      "403 403 403 403 302 403 403 403",
          method="post", state=count("budgets.ClientStop"),
          data=lambda w: {"start": "2099-01-01", "reason": "Plafond bereikt"}),
    Route("budgets:client-stop-decide",       "200 403 403 403 403 403 403 403",
          kwargs=client_stop),
    Route("budgets:client-stop-decide",       "302 403 403 403 403 403 403 403",
          kwargs=client_stop, method="post",
          data=lambda w: {"decision": "reject", "start": "", "decision_reason": "Niet nodig"},
          state=fields("budgets.ClientStop", client_stop, "status")),
    Route("budgets:exception-list",           "200 403 403 403 200 403 403 403"),
    Route("budgets:exception-request",        "403 403 403 403 200 403 403 403"),
    Route("budgets:exception-request",        "403 403 403 403 302 403 403 403",
          method="post", state=count("budgets.CeilingException"),
          data=lambda w: new_exception_request(w, w.youth["anna"].bsn)),
    # A request is stored as submitted: the same answer for another provider's child and for
    # a BSN nobody has (issue 11).
    Route("budgets:exception-request",        "403 403 403 403 302 403 403 403",
          method="post", state=count("budgets.CeilingException"), variant="andere-aanbieder",
          data=lambda w: new_exception_request(w, w.youth["chris"].bsn)),
    Route("budgets:exception-request",        "403 403 403 403 302 403 403 403",
          method="post", state=count("budgets.CeilingException"), variant="onbekend-bsn",
          data=lambda w: new_exception_request(w, UNKNOWN_BSN)),
    Route("budgets:exception-decide",         "200 403 403 403 403 403 403 403",
          kwargs=ceiling_exception),
    Route("budgets:exception-decide",         "302 403 403 403 403 403 403 403",
          kwargs=ceiling_exception, method="post",
          data=lambda w: {"decision": "refuse", "decision_reason": "Niet nodig"},
          state=fields("budgets.CeilingException", ceiling_exception, "status")),
    Route("budgets:exception-report",         "200 403 403 403 200 403 403 403",
          kwargs=lambda w: {"pk": w.provider.pk}),
    Route("budgets:exception-report",         "200 403 403 403 404 403 403 403",
          kwargs=lambda w: {"pk": w.other_provider.pk}, variant="andere-aanbieder"),
    Route("budgets:client-stop-lift",         "200 403 403 403 403 403 403 403",
          kwargs=client_stop),
    Route("budgets:client-stop-lift",         "302 403 403 403 403 403 403 403",
          kwargs=confirmed_client_stop, method="post",
          data=lambda w: {"lift_reason": "Weer ruimte"},
          state=fields("budgets.ClientStop", confirmed_client_stop, "status")),
    # --- clients ---
    Route("clients:youth-search",             "200 200 200 200 200 403 403 403"),
    # The search is posted and shown from a token in the session (the read follows there).
    Route("clients:youth-search",             "302 302 302 302 302 403 403 403",
          method="post", data=anna_bsn, personal_data=True),
    Route("clients:youth-create",             "403 200 200 403 403 403 403 403"),
    Route("clients:youth-create",             "403 302 302 403 403 403 403 403",
          method="post", data=new_youth, state=count("clients.Youth")),
    Route("clients:youth-detail",             "200 200 404 404 200 403 403 403",
          kwargs=anna, personal_data=True),
    # --- allocations ---
    Route("allocations:allocation-list",      "200 200 200 403 200 403 403 403",
          personal_data=True),
    Route("allocations:allocation-export",    "200 200 200 403 200 403 403 403",
          personal_data=True),
    Route("allocations:allocation-create",    "200 200 403 403 403 403 403 403"),
    Route("allocations:allocation-create",    "302 302 403 403 403 403 403 403",
          method="post", data=new_allocation, state=count("allocations.Allocation")),
    # --- monitoring, regions, notifications ---
    Route("monitoring:region-stats",          "200 403 403 403 403 200 200 403"),
    Route("monitoring:region-stats-export",   "200 403 403 403 403 200 200 403"),
    Route("regions:municipality-list",        "200 200 200 200 200 200 200 403"),
    Route("regions:municipality-create",      "403 403 403 403 403 403 200 403"),
    Route("regions:municipality-create",      "403 403 403 403 403 403 302 403",
          method="post", state=count("regions.Municipality"),
          data=lambda w: {"cbs_code": "0590", "name": "Papendrecht",
                          "youth_population": "5000"}),
    Route("notifications:notification-list",  "200 200 200 200 200 200 200 200"),
    Route("notifications:notification-mark-read", "302 302 302 302 302 302 302 302",
          method="post"),
    # --- audit ---
    Route("audit:privacy",                    "403 403 403 403 403 403 403 200"),
    # Looking a youth up by BSN goes to the youth's log (a read, nothing is written).
    Route("audit:privacy",                    "403 403 403 403 403 403 403 302",
          method="post", data=lambda w: {"bsn": w.youth["anna"].bsn}),
    Route("audit:privacy-youth",              "403 403 403 403 403 403 403 200",
          kwargs=anna, personal_data=True),
    Route("audit:privacy-youth-rectify",      "403 403 403 403 403 403 403 200",
          kwargs=anna, personal_data=True),
    Route("audit:privacy-youth-rectify",      "403 403 403 403 403 403 403 302",
          kwargs=anna, method="post",
          state=fields("clients.Youth", anna, "family_name", "gender"),
          data=lambda w: {"given_name": "Anna", "family_name": "Visser-de Wit",
                          "birth_date": "2012-03-01", "gender": "2"}),
    Route("audit:privacy-youth-report-json",  "403 403 403 403 403 403 403 200",
          kwargs=anna, personal_data=True),
    Route("audit:privacy-youth-report-pdf",   "403 403 403 403 403 403 403 200",
          kwargs=anna, personal_data=True),
    Route("audit:privacy-user",               "403 403 403 403 403 403 403 200",
          kwargs=lambda w: {"pk": w.users[Role.ACCESS_STAFF].pk}),
    Route("audit:privacy-bsn",                "403 403 403 403 403 403 403 200",
          kwargs=unlinked_bsn_read),
    Route("audit:privacy-events",             "403 403 403 403 403 403 403 200"),
    # --- messaging ---
    Route("messaging:allocation-request-list",  "200 200 403 403 200 403 403 403"),
    Route("messaging:allocation-request-detail", "200 200 403 403 200 403 403 403",
          kwargs=anna_allocation_request, personal_data=True),
    Route("messaging:allocation-request-detail", "302 302 403 403 403 403 403 403",
          kwargs=anna_allocation_request, method="post", data=approve,
          state=fields("messaging.AllocationRequest", anna_allocation_request, "status")),
    Route("messaging:allocation-request-detail", "400 400 403 403 403 403 403 403",
          kwargs=anna_allocation_request, method="post", data=decline_without_reason,
          state=fields("messaging.AllocationRequest", anna_allocation_request, "status"),
          variant="afwijzen-zonder-reden"),
    Route("messaging:change-request-list",      "200 200 403 403 200 403 403 403"),
    Route("messaging:change-request-detail",    "200 200 403 403 200 403 403 403",
          kwargs=anna_change_request, personal_data=True),
    Route("messaging:change-request-detail",    "302 302 403 403 403 403 403 403",
          kwargs=anna_change_request, method="post", data=approve,
          state=fields("messaging.ChangeRequest", anna_change_request, "status")),
    Route("messaging:change-request-detail",    "400 400 403 403 403 403 403 403",
          kwargs=anna_change_request, method="post", data=decline_without_reason,
          state=fields("messaging.ChangeRequest", anna_change_request, "status"),
          variant="afwijzen-zonder-reden"),
    Route("messaging:inbox-message",            "200 200 403 403 200 403 403 403",
          kwargs=anna_request_message, personal_data=True),
    Route("messaging:outbox-message",           "200 200 403 403 200 403 403 403",
          kwargs=jw301_of("anna"), personal_data=True),
    Route("messaging:outbox-message",           "200 200 403 403 404 403 403 403",
          kwargs=jw301_of("chris"), variant="andere-aanbieder"),
    Route("messaging:outbox-message",           "200 404 403 403 404 403 403 403",
          kwargs=jw301_of("bram"), variant="andere-gemeente"),
    Route("messaging:traffic",                  "200 403 403 403 200 403 200 403"),
    Route("messaging:traffic-export",           "200 403 403 403 200 403 200 403"),
    # --- the API (signed in with a session here; API clients use a token) ---
    Route("api-provider-list",                "200 200 200 200 200 200 200 403", api=True),
    Route("api-provider-detail",              "200 200 200 200 200 200 200 403", api=True,
          kwargs=lambda w: {"pk": w.provider.pk}),
    Route("api-youth-search",                 "200 200 200 200 200 403 403 403", api=True,
          method="post", data=anna_bsn, personal_data=True),
    Route("api-youth-detail",                 "200 200 404 404 200 403 403 403", api=True,
          kwargs=anna, personal_data=True),
    Route("api-allocation-list",              "200 200 200 403 200 403 403 403", api=True,
          personal_data=True),
    Route("api-client-stop-request",          "403 403 403 403 201 403 403 403", api=True,
          method="post", data=lambda w: {"start": "2099-01-01", "reason": "Plafond bereikt"},
          state=count("budgets.ClientStop")),
    # --- waiting lists ---
    Route("waitinglists:entry-list",          "200 200 200 403 200 200 403 403",
          kwargs=waiting_entries, personal_data=True),
    Route("waitinglists:entry-report",        "200 200 200 403 200 403 403 403"),
    Route("waitinglists:entry-report",        "302 302 302 403 302 403 403 403",
          method="post", data=new_waiting_entry, state=count("waitinglists.WaitingEntry")),
    # A provider's report is stored as submitted: the same answer for another provider's
    # child and for a BSN nobody has (issue 11).
    Route("waitinglists:entry-report",        "302 302 302 403 302 403 403 403",
          method="post", variant="andere-aanbieder", state=count("waitinglists.WaitingEntry"),
          data=lambda w: {**new_waiting_entry(w), "bsn": w.youth["chris"].bsn,
                          "given_name": "Chris", "family_name": "Bakker",
                          "birth_date": "2012-03-03"}),
    Route("waitinglists:entry-report",        "400 400 400 403 302 403 403 403",
          method="post", variant="onbekend-bsn", state=count("waitinglists.WaitingEntry"),
          data=lambda w: {**new_waiting_entry(w), "bsn": UNKNOWN_BSN}),
    Route("waitinglists:entries-derive",      "302 403 403 403 403 403 403 403",
          kwargs=made(anna_allocation_request), method="post",
          state=count("waitinglists.WaitingEntry")),
    Route("waitinglists:entry-detail",        "200 200 404 403 200 404 403 403",
          kwargs=anna_waiting_entry, personal_data=True),
    Route("waitinglists:entry-update",        "200 200 404 403 200 403 403 403",
          kwargs=anna_waiting_entry),
    Route("waitinglists:entry-update",        "302 302 404 403 302 403 403 403",
          kwargs=anna_waiting_entry, method="post",
          data=lambda w: {"waiting_since": "2025-02-03", "product": w.product.pk},
          state=fields("waitinglists.WaitingEntry", anna_waiting_entry, "waiting_since")),
    Route("waitinglists:entry-update",        "302 302 404 403 404 403 403 403",
          kwargs=chris_waiting_entry, method="post", variant="andere-aanbieder",
          data=lambda w: {"waiting_since": "2025-02-03", "product": w.product.pk},
          state=fields("waitinglists.WaitingEntry", chris_waiting_entry, "waiting_since")),
    Route("waitinglists:entry-close",         "200 200 404 403 200 403 403 403",
          kwargs=anna_waiting_entry),
    Route("waitinglists:entry-close",         "302 302 404 403 302 403 403 403",
          kwargs=anna_waiting_entry, method="post", data=close_entry,
          state=fields("waitinglists.WaitingEntry", anna_waiting_entry, "outflow_date")),
    Route("waitinglists:entry-close",         "302 302 404 403 404 403 403 403",
          kwargs=chris_waiting_entry, method="post", data=close_entry, variant="andere-aanbieder",
          state=fields("waitinglists.WaitingEntry", chris_waiting_entry, "outflow_date")),
    Route("waitinglists:monitoring",          "200 403 403 403 200 200 403 403"),
    Route("waitinglists:monitoring-xlsx",     "200 403 403 403 200 200 403 403"),
    Route("api-waiting-entry-list",           "403 403 403 403 200 403 403 403", api=True,
          kwargs=waiting_entries, personal_data=True),
    Route("api-waiting-entry-list",           "403 403 403 403 201 403 403 403", api=True,
          method="post", data=new_waiting_entries, state=count("waitinglists.WaitingEntry")),
    Route("api-waiting-entry-list",           "403 403 403 403 201 403 403 403", api=True,
          method="post", state=count("waitinglists.WaitingEntry"), variant="andere-aanbieder",
          data=lambda w: {"entries": [{**new_waiting_entries(w)["entries"][0],
                                       "bsn": w.youth["chris"].bsn}]}),
    Route("api-waiting-entry-list",           "403 403 403 403 201 403 403 403", api=True,
          method="post", state=count("waitinglists.WaitingEntry"), variant="onbekend-bsn",
          data=lambda w: {"entries": [{**new_waiting_entries(w)["entries"][0],
                                       "bsn": UNKNOWN_BSN}]}),
    # An empty report is bad input (400) for a provider: the API takes JSON lists only.
    Route("api-waiting-entry-list",           "403 403 403 403 400 403 403 403", api=True,
          method="post", state=count("waitinglists.WaitingEntry"), variant="leeg"),
    Route("api-waiting-entry-close",          "403 403 403 403 200 403 403 403", api=True,
          kwargs=anna_waiting_entry, method="post", data=close_entry,
          state=fields("waitinglists.WaitingEntry", anna_waiting_entry, "outflow_date")),
    Route("api-waiting-entry-close",          "403 403 403 403 404 403 403 403", api=True,
          kwargs=chris_waiting_entry, method="post", data=close_entry, variant="andere-aanbieder",
          state=fields("waitinglists.WaitingEntry", chris_waiting_entry, "outflow_date")),
    Route("api-waiting-entry-close",          "403 403 403 403 400 403 403 403", api=True,
          kwargs=anna_waiting_entry, method="post", variant="leeg",
          state=fields("waitinglists.WaitingEntry", anna_waiting_entry, "outflow_date")),
    # --- trajectories ---
    Route("trajectories:trajectory-list",     "200 200 200 403 200 403 403 403",
          kwargs=made(anna_trajectory), personal_data=True),
    Route("trajectories:trajectory-detail",   "200 200 404 403 200 403 403 403",
          kwargs=anna_trajectory, personal_data=True),
    Route("trajectories:extension-request",   "403 403 403 403 200 403 403 403",
          kwargs=anna_trajectory, personal_data=True),
    Route("trajectories:extension-request",   "403 403 403 403 302 403 403 403",
          kwargs=anna_trajectory, method="post", state=count("trajectories.Extension"),
          data=lambda w: {"requested_end": "2025-09-30", "self_assessment": ""}),
    Route("trajectories:extension-request",   "403 403 403 403 404 403 403 403",
          kwargs=chris_trajectory, method="post", state=count("trajectories.Extension"),
          data=lambda w: {"requested_end": "2025-09-30", "self_assessment": ""},
          variant="andere-aanbieder"),
    Route("trajectories:self-assessment-attach", "403 403 403 403 200 403 403 403",
          kwargs=anna_extension("self_assessment"), personal_data=True),
    Route("trajectories:self-assessment-attach", "403 403 403 403 302 403 403 403",
          kwargs=anna_extension("self_assessment"), method="post",
          data=lambda w: {"self_assessment": "De behandeling loopt goed, nog acht weken."},
          state=rows("trajectories.Extension", "route", "status")),
    Route("trajectories:self-assessment-attach", "403 403 403 403 404 403 403 403",
          kwargs=chris_extension, method="post", variant="andere-aanbieder",
          data=lambda w: {"self_assessment": "De behandeling loopt goed, nog acht weken."},
          state=rows("trajectories.Extension", "route", "status")),
    Route("trajectories:review-list",         "403 200 403 403 403 403 403 403",
          kwargs=made(anna_extension("cjg_review")), personal_data=True),
    Route("trajectories:review-decide",       "403 200 403 403 403 403 403 403",
          kwargs=anna_extension("cjg_review"), personal_data=True),
    Route("trajectories:review-decide",       "403 302 403 403 403 403 403 403",
          kwargs=anna_extension("cjg_review"), method="post",
          data=lambda w: {"decision": "grant", "motivation": "Voldoende onderbouwd"},
          state=fields("trajectories.Extension", anna_extension("cjg_review"), "status")),
    Route("trajectories:referrer-list",       "403 200 200 403 403 403 403 403",
          kwargs=made(anna_extension("standard_referrer")), personal_data=True),
    Route("trajectories:referrer-decide",     "403 200 404 403 403 403 403 403",
          kwargs=anna_extension("standard_referrer"), personal_data=True),
    Route("trajectories:referrer-decide",     "403 302 404 403 403 403 403 403",
          kwargs=anna_extension("standard_referrer"), method="post",
          data=lambda w: {"decision": "grant", "motivation": "Akkoord"},
          state=fields("trajectories.Extension", anna_extension("standard_referrer"),
                       "status")),
    Route("trajectories:trajectory-export",   "200 200 200 403 200 403 403 403",
          kwargs=made(anna_trajectory), personal_data=True),
    Route("trajectories:trajectory-export-xlsx", "200 200 200 403 200 403 403 403",
          kwargs=made(anna_trajectory), personal_data=True),
    Route("trajectories:trajectory-create",   "403 403 403 403 200 403 403 403"),
    Route("trajectories:trajectory-create",   "403 403 403 403 302 403 403 403",
          method="post", data=eligible_allocation, state=count("trajectories.Trajectory")),
    # Another provider's allocation is not a choice: bad input, nothing registered.
    Route("trajectories:trajectory-create",   "403 403 403 403 400 403 403 403",
          method="post", variant="andere-aanbieder", state=count("trajectories.Trajectory"),
          data=lambda w: {"allocation": w.allocations["chris"].pk,
                          "practitioner_name": "Drs. A. de Wit"}),
    Route("trajectories:working-method",      "200 403 403 403 403 403 403 403"),
    # ZHZ has no working method to end: the contract manager's form is refused (400).
    Route("trajectories:working-method",      "400 403 403 403 403 403 403 403",
          method="post", state=count("trajectories.PolicyVersionEnd"),
          data=lambda w: {"version_code": "zhz-2025", "end": "2025-12-31", "kind": "moved",
                          "decision_reference": "Besluit 1", "reason": "Verlengd"}),
    Route("trajectories:additional-practitioner-add", "403 403 403 403 200 403 403 403",
          kwargs=anna_trajectory, personal_data=True),
    Route("trajectories:additional-practitioner-add", "403 403 403 403 302 403 403 403",
          kwargs=anna_trajectory, method="post",
          state=count("trajectories.AdditionalPractitioner"),
          data=lambda w: {"other_provider": w.other_provider.pk,
                          "practitioner_name": "Mw. C. Groen", "start": "2025-03-03",
                          "end": "2025-07-31", "volume": "2"}),
    Route("trajectories:additional-practitioner-add", "403 403 403 403 404 403 403 403",
          kwargs=chris_trajectory, method="post", variant="andere-aanbieder",
          state=count("trajectories.AdditionalPractitioner"),
          data=lambda w: {"other_provider": w.provider.pk,
                          "practitioner_name": "Mw. C. Groen", "start": "2025-03-03",
                          "end": "2025-07-31", "volume": "2"}),
    Route("trajectories:complexity-judge",    "403 200 403 403 200 403 403 403",
          kwargs=anna_trajectory, personal_data=True),
    Route("trajectories:complexity-judge",    "403 302 403 403 302 403 403 403",
          kwargs=anna_trajectory, method="post",
          data=lambda w: {"responsible": "1", "motivation": "Meerdere disciplines nodig"},
          state=fields("trajectories.Trajectory", anna_trajectory, "complexity")),
    # The coordinating practitioner alone judges: not the additional practitioner (issue 11).
    Route("trajectories:complexity-judge",    "403 302 403 403 403 403 403 403",
          kwargs=shared_trajectory, method="post", variant="medebehandelaar",
          data=lambda w: {"responsible": "1", "motivation": "Meerdere disciplines nodig"},
          state=fields("trajectories.Trajectory", shared_trajectory, "complexity")),
    Route("api-extension-request",            "403 403 403 403 201 403 403 403", api=True,
          method="post", data=anna_extension_request, state=count("trajectories.Extension")),
    # --- afwegingskader and expert table ---
    Route("casetable:case-list",              "200 200 200 200 403 403 403 403",
          kwargs=made(anna_case_on_the_table), personal_data=True),
    Route("casetable:case-create",            "200 200 200 403 403 403 403 403"),
    Route("casetable:case-create",            "302 302 302 403 403 403 403 403",
          method="post", data=new_case, state=count("casetable.Case")),
    Route("casetable:case-detail",            "200 200 404 200 403 403 403 403",
          kwargs=anna_case_on_the_table, personal_data=True),
    # On no table yet: the expert table does not see it.
    Route("casetable:case-detail",            "200 200 404 404 403 403 403 403",
          kwargs=anna_case),
    # The forms on a case's page post to their own URL; a GET goes back to the page.
    Route("casetable:case-answer",            "302 302 302 403 403 403 403 403",
          kwargs=anna_case),
    Route("casetable:case-answer",            "302 302 404 403 403 403 403 403",
          kwargs=anna_case, method="post", data=lambda w: {"vraag-pgb_possible": "nee"},
          state=fields("casetable.Case", anna_case, "facts_json")),
    Route("casetable:case-judgement",         "302 403 403 302 403 403 403 403",
          kwargs=anna_case),
    Route("casetable:case-judgement",         "302 403 403 302 403 403 403 403",
          kwargs=anna_case_on_the_table, method="post",
          data=lambda w: {"oordeel-fact": "content_proportional", "oordeel-value": "ja",
                          "oordeel-motivation": "Ja"},
          state=fields("casetable.Case", anna_case, "facts_json")),
    Route("casetable:case-schedule",          "302 302 302 302 403 403 403 403",
          kwargs=anna_case),
    # An expert-table member does not see a case on no table it sits on, so cannot schedule it.
    Route("casetable:case-schedule",          "302 302 404 404 403 403 403 403",
          kwargs=anna_case, method="post", data=empty_meeting,
          state=count("casetable.AgendaItem")),
    Route("casetable:case-decide",            "302 403 403 403 403 403 403 403",
          kwargs=anna_case),
    Route("casetable:case-decide",            "302 403 403 403 403 403 403 403",
          kwargs=anna_case, method="post",
          data=lambda w: {"besluit-decision": "reject", "besluit-motivation": "Niet nodig"},
          state=fields("casetable.Case", anna_case, "status")),
    Route("casetable:case-follow-up",         "302 302 302 302 403 403 403 403",
          kwargs=anna_case),
    Route("casetable:case-follow-up",         "302 302 404 302 403 403 403 403",
          kwargs=anna_case_on_the_table, method="post",
          data=lambda w: {"evaluatie-due": "2025-10-01", "evaluatie-description": "Evaluatie"},
          state=count("casetable.FollowUp")),
    Route("casetable:overview",               "200 403 403 200 403 200 403 403",
          kwargs=made(anna_case)),
    Route("casetable:overview-xlsx",          "200 403 403 200 403 200 403 403"),
    Route("casetable:meeting-list",           "200 200 200 200 403 403 403 403",
          kwargs=made(anna_meeting)),
    Route("casetable:meeting-create",         "200 403 403 200 403 403 403 403"),
    Route("casetable:meeting-create",         "302 403 403 302 403 403 403 403",
          method="post", data=new_meeting, state=count("casetable.Meeting")),
    Route("casetable:meeting-detail",         "200 404 404 200 403 403 403 403",
          kwargs=anna_meeting, personal_data=True),
    Route("casetable:agenda-decide",          "302 403 403 302 403 403 403 403",
          kwargs=anna_agenda_item),
    Route("casetable:agenda-decide",          "302 403 403 302 403 403 403 403",
          kwargs=anna_agenda_item, method="post", data=postpone_anna,
          state=fields("casetable.AgendaItem", lambda w: {"pk": anna_agenda_item(w)["item"]},
                       "decision")),
    Route("casetable:meeting-agenda-pdf",     "200 404 404 200 403 403 403 403",
          kwargs=anna_meeting, personal_data=True),
    Route("casetable:meeting-minutes-pdf",    "200 404 404 200 403 403 403 403",
          kwargs=anna_meeting, personal_data=True),
    # --- API clients (registered by the functional administrator and contract management) ---
    Route("apiclients:client-list",           "200 403 403 403 403 403 200 403"),
    Route("apiclients:client-register",       "200 403 403 403 403 403 200 403"),
    Route("apiclients:client-register",       "200 403 403 403 403 403 200 403",
          method="post", state=count("apiclients.ApiClient"),
          data=lambda w: {"organisation": w.users[Role.PROVIDER].organisation_id,
                          "name": "Zorgsysteem", "scopes": ["aanbieders:lezen"]}),
    Route("apiclients:client-revoke",         "302 403 403 403 403 403 302 403",
          kwargs=api_client, method="post",
          state=fields("apiclients.ApiClient", api_client, "revoked_at")),
    # The background jobs' runs and the worker's heartbeat: the functional administrator.
    Route("jobs:job-list",                    "403 403 403 403 403 403 200 403"),
    Route("api-schema",                       "200 200 200 200 200 200 200 200", api=True),
]
# fmt: on

# Routes outside the table, with the reason.
UNTABLED = {
    "login": "public: the login page",
    "logout": "ends the session of whoever calls it",
    "second-factor": "a step of signing in, before the role applies",
    "second-factor-enrol": "a step of signing in, before the role applies",
    "no-access": "public: the page for a sign-in without a role",
    "oidc_authentication_init": "the redirect to the identity provider",
    "oidc_authentication_callback": "the identity provider's answer to a sign-in",
    "admin-login": "the management site's login, sent on to the sign-in",
    "favicon": "public: an empty answer (204) to the icon request browsers make on their own",
    "healthz": "public probe for load balancers: 200 while the process runs (web/tests)",
    "theme-css": "public: the region's design tokens, also on the sign-in page (web/tests)",
    "theme-logo": "public: the region's logo, also on the sign-in page (web/tests)",
    "readyz": (
        "public probe for load balancers: database, migrations, keys, a worker's heartbeat "
        "(web/tests)"
    ),
}
