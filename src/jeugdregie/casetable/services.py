# SPDX-License-Identifier: EUPL-1.2
"""Writes for requests judged with the afwegingskader and for the expert table.

A case is created by access staff, GI staff or contract management; its facts are evaluated
by the framework engine on every change (each evaluation leaves a receipt); the expert table
puts cases that must be presented on a meeting's agenda, settles judgement facts and decides;
on approval the light contract and the allocation (JW301) are made, or for a ceiling overrun a
nee-tenzij grant with its allocation on its own budget line.
"""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.allocations.constants import ChangeReason
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.casetable import evaluation
from jeugdregie.casetable.constants import (
    AGENDA_OUTCOMES,
    DIRECT_OUTCOMES,
    CareSetting,
    CaseKind,
    CaseRoute,
    CaseStatus,
    MeetingStatus,
    Outcome,
    TableDecision,
)
from jeugdregie.casetable.models import AgendaItem, Case, FollowUp, Meeting
from jeugdregie.casetable.selectors import may_settle
from jeugdregie.clients.models import Youth
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.contracting.selectors import provider_contracted, tariff_for
from jeugdregie.contracting.services import provider_create
from jeugdregie.framework.constants import RECORDING_ROLE
from jeugdregie.notifications.services import notifications_send
from jeugdregie.regions.models import Region

if TYPE_CHECKING:
    from jeugdregie.budgets.models import CeilingException
    from jeugdregie.contracting.models import Contract

from jeugdregie.casetable.retention import cases_anonymise

__all__ = [
    "DERIVED_FACTS",
    "PERSONAL",
    "REQUESTING_ROLES",
    "TABLE_ROLES",
    "agenda_decision_record",
    "case_answer",
    "case_conclusion_record",
    "case_create",
    "case_decision_record_direct",
    "case_request",
    "case_schedule",
    "cases_anonymise",
    "concurrent_allocations",
    "follow_up_create",
    "follow_ups_remind",
    "judgement_settle",
    "meeting_create",
]

REQUESTING_ROLES = frozenset({Role.ACCESS_STAFF, Role.GI_STAFF, Role.CONTRACT_MANAGER})
TABLE_ROLES = frozenset({Role.EXPERT_MEMBER, Role.CONTRACT_MANAGER})
# Fields holding a youth's situation: never copied into change records in plain text.
PERSONAL = ("facts_json",)
# Facts the system derives from the case's own data; answers cannot overwrite them.
DERIVED_FACTS = frozenset(
    {
        "kind",
        "request_date",
        "care_start_date",
        "client_birth_date",
        "tariff",
        "comparable_contracted_tariff",
        "stacking",
        "existing_client",
        "care_setting",
    }
)


def _require_role(actor: User, roles: Iterable[str], message: str) -> None:
    if actor.role not in set(roles):
        raise ValidationError(message)


def _region_of(actor: User) -> Region:
    region = actor.organisation.region if actor.organisation else None
    if region is None:
        raise ValidationError(_("Your account belongs to no region."))
    return region


def concurrent_allocations(*, youth: Youth, start: dt.date, end: dt.date) -> list[Allocation]:
    """The youth's allocations that overlap the requested period (stacking, §3)."""
    return list(
        Allocation.objects.filter(youth=youth, start__lte=end)
        .filter(Q(end__isnull=True) | Q(end__gte=start))
        .exclude(change_reason=ChangeReason.REMOVED)  # withdrawn: never care
        .select_related("provider", "product")
        .order_by("start", "pk")
    )


def _derived_facts(case: Case) -> dict[str, Any]:
    youth = case.youth
    concurrent = concurrent_allocations(youth=youth, start=case.start, end=case.end)
    facts: dict[str, Any] = {
        "kind": case.kind,
        "request_date": case.request_date.isoformat(),
        "care_start_date": case.start.isoformat(),
        "tariff": f"{case.tariff:.2f}",
        "stacking": any(a.provider_id != case.provider_id for a in concurrent),
        "existing_client": any(
            a.provider_id == case.provider_id and a.product_id == case.product_id
            for a in concurrent
        ),
    }
    if youth.birth_date:
        facts["client_birth_date"] = youth.birth_date.isoformat()
    if case.comparable_tariff is not None:
        facts["comparable_contracted_tariff"] = f"{case.comparable_tariff:.2f}"
    if case.care_setting:
        facts["care_setting"] = case.care_setting
    return facts


def _evaluate(case: Case, actor: User | None) -> None:
    facts = {**case.facts, **_derived_facts(case)}
    case.facts = facts
    result = evaluation.evaluate_case(case_id=case.number, facts=facts, user=actor)
    case.outcome = result.outcome
    case.exception_grounds = list(result.exceptions)


def _next_number(region: Region, year: int) -> str:
    prefix = f"AK-{year}-"
    used = Case.objects.filter(region=region, number__startswith=prefix).count()
    return f"{prefix}{used + 1:04d}"


@transaction.atomic
def case_create(
    *,
    actor: User,
    kind: str,
    youth: Youth,
    provider: Provider,
    product: Product,
    request_date: dt.date,
    start: dt.date,
    end: dt.date,
    volume: int,
    frequency: str,
    tariff: Decimal,
    care_setting: str,
    facts: dict[str, Any] | None = None,
    comparable_tariff_override: Decimal | None = None,
    override_reason: str = "",
) -> Case:
    """Register a request and evaluate it; the outcome and its questions follow."""
    _require_role(
        actor,
        REQUESTING_ROLES,
        _("Only access staff, certified institutions and contract management make requests."),
    )
    region = _region_of(actor)
    errors = _request_errors(
        region=region,
        kind=kind,
        youth=youth,
        provider=provider,
        product=product,
        start=start,
        end=end,
        volume=volume,
        tariff=tariff,
        care_setting=care_setting,
        facts=facts or {},
        comparable_tariff_override=comparable_tariff_override,
        override_reason=override_reason,
    )
    if errors:
        raise ValidationError(errors)
    case = Case(
        region=region,
        number=_next_number(region, request_date.year),
        kind=kind,
        youth=youth,
        provider=provider,
        product=product,
        request_date=request_date,
        start=start,
        end=end,
        volume=volume,
        frequency=frequency,
        tariff=tariff,
        care_setting=care_setting,
        comparable_tariff=comparable_tariff_override
        if comparable_tariff_override is not None
        else tariff_for(product=product, on=request_date),
        comparable_tariff_override=override_reason.strip(),
        requested_by=actor,
    )
    case.facts = dict(facts or {})
    _evaluate(case, actor)
    case.full_clean()
    case.save()
    change_record_create(user=actor, instance=case, action=ChangeAction.CREATE, redact=PERSONAL)
    return case


def _request_errors(
    *,
    region: Region,
    kind: str,
    youth: Youth,
    provider: Provider,
    product: Product,
    start: dt.date,
    end: dt.date,
    volume: int,
    tariff: Decimal,
    care_setting: str,
    facts: dict[str, Any],
    comparable_tariff_override: Decimal | None,
    override_reason: str,
) -> dict[str, str]:
    """What is wrong with a new request, per field (empty when nothing is). Whether the
    provider is contracted is asked only when the rest is right."""
    errors: dict[str, str] = {}
    if kind not in CaseKind.values:
        errors["kind"] = _("Choose a light contract or a ceiling overrun.")
    if youth.municipality.region_id != region.pk:
        errors["youth"] = _("The youth lives in another region.")
    if product.region_id != region.pk:
        errors["product"] = _("This product is not bought by the region.")
    if end < start:
        errors["end"] = _("The end lies before the start.")
    if volume <= 0:
        errors["volume"] = _("Give a volume above zero.")
    if tariff < 0:
        errors["tariff"] = _("A tariff cannot be negative.")
    if care_setting not in CareSetting.values:
        errors["care_setting"] = _(
            "Choose residential care (verblijf), short stay (kortdurend verblijf) or ambulant care."
        )
    if comparable_tariff_override is not None and not override_reason.strip():
        errors["override_reason"] = _("Give the reason for overriding the comparable tariff.")
    if not errors:
        provider_error = _provider_error(kind=kind, provider=provider, product=product, on=start)
        if provider_error:
            errors["provider"] = provider_error
    derived = set(facts) & DERIVED_FACTS
    if derived:
        errors["facts"] = _("These facts follow from the request itself: %(facts)s.") % {
            "facts": ", ".join(sorted(derived))
        }
    return errors


def _provider_error(*, kind: str, provider: Provider, product: Product, on: dt.date) -> str:
    """A light contract is for a provider without a contract for the lot, a ceiling overrun
    for one with a contract."""
    contracted = provider_contracted(provider=provider, product=product, on=on)
    if kind == CaseKind.LIGHT_CONTRACT and contracted:
        return _(
            "%(provider)s is contracted for this lot: allocate the care, or ask for a "
            "ceiling overrun when its ceiling is reached."
        ) % {"provider": provider.name}
    if kind == CaseKind.CEILING_OVERRUN and not contracted:
        return _("%(provider)s has no contract for this lot: ask for a light contract.") % {
            "provider": provider.name
        }
    return ""


@transaction.atomic
def case_request(
    *, actor: User, new_provider: dict[str, str] | None = None, **arguments: Any
) -> Case:
    """``case_create``, registering a provider the region has not met before on the spot
    (name, AGB code, KvK number); both or neither are stored."""
    if new_provider is not None:
        arguments["provider"] = provider_create(
            actor=actor,
            agb_code=new_provider["agb_code"],
            name=new_provider["name"],
            kvk_number=new_provider["kvk_number"],
        )
    return case_create(actor=actor, **arguments)


def _editable(case: Case) -> None:
    if case.status not in {CaseStatus.OPEN, CaseStatus.ON_AGENDA}:
        raise ValidationError(_("This case has been decided; its facts can no longer change."))


@transaction.atomic
def case_answer(*, actor: User, case: Case, answers: dict[str, Any]) -> Case:
    """Record answers to the framework's questions and evaluate again.

    Answers to judgement facts by other roles are recorded as plain values: they stay
    pending until the expert table or contract management settles them.
    """
    _editable(case)
    derived = set(answers) & DERIVED_FACTS
    if derived:
        raise ValidationError(
            _("These facts follow from the request itself: %(facts)s.")
            % {"facts": ", ".join(sorted(derived))}
        )
    evaluation.check_answers(answers)
    before = snapshot(case, redact=PERSONAL)
    facts = case.facts
    for fact, value in answers.items():
        if value is None:
            facts.pop(fact, None)
        else:
            facts[fact] = value
    case.facts = facts
    _evaluate(case, actor)
    case.save()
    change_record_create(
        user=actor, instance=case, action=ChangeAction.UPDATE, before=before, redact=PERSONAL
    )
    return case


@transaction.atomic
def judgement_settle(*, actor: User, case: Case, fact: str, value: bool, motivation: str) -> Case:
    """The expert table (or contract management on the urgent route) settles a judgement."""
    _editable(case)
    if not may_settle(user=actor, case=case):
        raise ValidationError(_("Only the expert table or contract management settles this."))
    if not evaluation.is_judgement(fact):
        raise ValidationError({"fact": _("This is not a judgement of the expert table.")})
    if not motivation.strip():
        raise ValidationError({"motivation": _("Give the motivation of the judgement.")})
    before = snapshot(case, redact=PERSONAL)
    facts = case.facts
    facts[fact] = {
        "value": value,
        "recorded_by_role": RECORDING_ROLE[actor.role],
        "motivation": motivation.strip(),
    }
    case.facts = facts
    _evaluate(case, actor)
    case.save()
    change_record_create(
        user=actor, instance=case, action=ChangeAction.UPDATE, before=before, redact=PERSONAL
    )
    return case


@transaction.atomic
def meeting_create(*, actor: User, date: dt.date, members: list[User], guests: str = "") -> Meeting:
    """Plan a meeting; cases decided on the urgent route since the last meeting are put on
    its agenda to be reported."""
    _require_role(actor, TABLE_ROLES, _("Only the expert table plans its meetings."))
    region = _region_of(actor)
    if date < timezone.localdate():
        raise ValidationError({"date": _("A meeting cannot be planned in the past.")})
    if not members:
        raise ValidationError({"members": _("Choose the members of the meeting.")})
    foreign = [m for m in members if m.organisation is None or m.organisation.region != region]
    if foreign:
        raise ValidationError({"members": _("Every member must work in the region.")})
    meeting = Meeting.objects.create(region=region, date=date, guests=guests.strip())
    meeting.members.set(members)
    change_record_create(user=actor, instance=meeting, action=ChangeAction.CREATE)
    unreported = Case.objects.filter(
        region=region, route=CaseRoute.URGENT_DIRECT, status__in=[CaseStatus.APPROVED]
    ).exclude(agenda_items__for_report=True)
    for case in unreported.order_by("decided_at", "pk"):
        _add_item(meeting, case, for_report=True)
    return meeting


def _add_item(meeting: Meeting, case: Case, *, for_report: bool) -> AgendaItem:
    position = meeting.items.count() + 1
    return AgendaItem.objects.create(
        meeting=meeting,
        case=case,
        position=position,
        for_report=for_report,
        outcome_when_scheduled=case.outcome,
    )


@transaction.atomic
def case_schedule(*, actor: User, case: Case, meeting: Meeting) -> AgendaItem:
    """Put a case that must be presented (or lacks information) on a meeting's agenda."""
    _require_role(actor, TABLE_ROLES | REQUESTING_ROLES, _("You cannot put cases on the agenda."))
    if case.status != CaseStatus.OPEN:
        raise ValidationError(_("Only open cases can be put on the agenda."))
    if case.outcome not in AGENDA_OUTCOMES:
        raise ValidationError(
            _(
                "Only cases with the outcome 'voorleggen' or 'onvoldoende informatie' go to "
                "the table."
            )
        )
    if meeting.region_id != case.region_id or meeting.status != MeetingStatus.PLANNED:
        raise ValidationError({"meeting": _("Choose a planned meeting of the region.")})
    if meeting.items.filter(case=case).exists():
        raise ValidationError({"meeting": _("The case is already on this meeting's agenda.")})
    before = snapshot(case, redact=PERSONAL)
    item = _add_item(meeting, case, for_report=False)
    case.status, case.route = CaseStatus.ON_AGENDA, CaseRoute.EXPERT_TEAM
    case.save()
    change_record_create(
        user=actor, instance=case, action=ChangeAction.UPDATE, before=before, redact=PERSONAL
    )
    return item


def case_conclusion_record(
    *,
    actor: User,
    case: Case,
    allocation: Allocation,
    contract: "Contract | None" = None,
    ceiling_exception: "CeilingException | None" = None,
) -> Case:
    """What an approved case led to (``workflows.cases``): the light contract or the
    nee-tenzij grant, and the allocation."""
    if case.status != CaseStatus.APPROVED:
        raise ValidationError(_("Only an approved case is concluded."))
    before = snapshot(case, redact=PERSONAL)
    case.allocation, case.contract, case.ceiling_exception = allocation, contract, ceiling_exception
    case.save(update_fields=["allocation", "contract", "ceiling_exception"])
    change_record_create(
        user=actor, instance=case, action=ChangeAction.UPDATE, before=before, redact=PERSONAL
    )
    return case


def _decide(case: Case, actor: User, *, approve: bool, motivation: str) -> None:
    before = snapshot(case, redact=PERSONAL)
    case.decided_by, case.decided_at = actor, timezone.now()
    case.decision_motivation = motivation.strip()
    case.status = CaseStatus.APPROVED if approve else CaseStatus.REJECTED
    case.save()
    change_record_create(
        user=actor, instance=case, action=ChangeAction.UPDATE, before=before, redact=PERSONAL
    )
    with translation.override("nl"):
        notifications_send(
            users=[case.requested_by],
            subject=_("Case %(number)s: %(status)s")
            % {"number": case.number, "status": case.get_status_display()},
            text=case.decision_motivation,
        )


@transaction.atomic
def agenda_decision_record(
    *, actor: User, item: AgendaItem, decision: str, motivation: str
) -> AgendaItem:
    """The table's decision on a case: approve, reject or postpone, always motivated. What
    an approval leads to is the workflow's (``workflows.cases.agenda_decide``)."""
    _require_role(actor, TABLE_ROLES, _("Only the expert table decides on its agenda."))
    case = item.case
    if item.for_report:
        raise ValidationError(_("This case was decided on the urgent route; it is only reported."))
    if item.decision:
        raise ValidationError(_("The table has already decided on this case."))
    if decision not in TableDecision.values:
        raise ValidationError({"decision": _("Choose approve, reject or postpone.")})
    if not motivation.strip():
        raise ValidationError({"motivation": _("Give the motivation of the decision.")})
    if decision == TableDecision.APPROVE and case.outcome not in {Outcome.REFER, *DIRECT_OUTCOMES}:
        raise ValidationError(
            {
                "decision": _(
                    "The framework's outcome is '%(outcome)s': settle the open questions "
                    "before approving."
                )
                % {"outcome": case.get_outcome_display()}
            }
        )
    if decision == TableDecision.POSTPONE:
        before = snapshot(case, redact=PERSONAL)
        case.status = CaseStatus.OPEN
        case.save()
        change_record_create(
            user=actor, instance=case, action=ChangeAction.UPDATE, before=before, redact=PERSONAL
        )
    else:
        _decide(case, actor, approve=decision == TableDecision.APPROVE, motivation=motivation)
    item.decision, item.motivation, item.decided_at = decision, motivation.strip(), timezone.now()
    item.save()
    return item


@transaction.atomic
def case_decision_record_direct(
    *, actor: User, case: Case, approve: bool, motivation: str, urgent: bool = False
) -> Case:
    """Contract management concludes without the table: an exception applies or every
    requirement is met, or on the urgent route (the case is reported at the next meeting).
    What an approval leads to is the workflow's (``workflows.cases.case_decide_direct``)."""
    _require_role(
        actor,
        {Role.CONTRACT_MANAGER},
        _("Only contract management concludes a case outside the table."),
    )
    if case.status != CaseStatus.OPEN:
        raise ValidationError(_("Only open cases can be decided."))
    if not motivation.strip():
        raise ValidationError({"motivation": _("Give the motivation of the decision.")})
    if approve and not urgent and case.outcome not in DIRECT_OUTCOMES:
        raise ValidationError(
            _(
                "Without an exception or all requirements met the case goes to the expert "
                "table, or use the urgent route."
            )
        )
    if approve and case.outcome == Outcome.REJECTED:
        raise ValidationError(_("The framework rejects this request; it cannot be approved."))
    case.route = CaseRoute.URGENT_DIRECT if urgent else case.route
    _decide(case, actor, approve=approve, motivation=motivation)
    if urgent:
        upcoming = (
            Meeting.objects.filter(
                region=case.region,
                status=MeetingStatus.PLANNED,
                date__gte=timezone.localdate(),
            )
            .order_by("date", "pk")
            .first()
        )
        if upcoming is not None:
            _add_item(upcoming, case, for_report=True)
    return case


@transaction.atomic
def follow_up_create(*, actor: User, case: Case, due: dt.date, description: str) -> FollowUp:
    """An evaluation moment for expensive or complex care (afwegingskader.md §9)."""
    _require_role(actor, TABLE_ROLES | REQUESTING_ROLES, _("You cannot plan evaluation moments."))
    if due < case.start:
        raise ValidationError({"due": _("An evaluation moment lies after the start of the care.")})
    if not description.strip():
        raise ValidationError({"description": _("Describe what is evaluated.")})
    follow_up = FollowUp.objects.create(case=case, due=due, description=description.strip())
    change_record_create(user=actor, instance=follow_up, action=ChangeAction.CREATE)
    return follow_up


def follow_ups_remind(*, today: dt.date) -> int:
    """Remind the requester and the region's contract managers of evaluation moments that
    are due; each moment once."""
    due = FollowUp.objects.filter(due__lte=today, done_at__isnull=True, reminded_at__isnull=True)
    count = 0
    for follow_up in due.select_related("case__requested_by", "case__region"):
        case = follow_up.case
        managers = User.objects.filter(
            role=Role.CONTRACT_MANAGER, organisation__region=case.region, is_active=True
        )
        with translation.override("nl"):
            notifications_send(
                users=[case.requested_by, *managers],
                subject=_("Evaluation moment for case %(number)s") % {"number": case.number},
                text=follow_up.description,
            )
        follow_up.reminded_at = timezone.now()
        follow_up.save(update_fields=["reminded_at"])
        count += 1
    return count
