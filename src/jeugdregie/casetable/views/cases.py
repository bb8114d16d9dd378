# SPDX-License-Identifier: EUPL-1.2
"""Screens for afwegingskader requests (cases): the list, a new request, and the case page
with its forms (answers, judgement, agenda, direct decision, evaluation moment)."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import user_can
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.casetable import evaluation, selectors, services
from jeugdregie.casetable.constants import AGENDA_OUTCOMES, CaseStatus, Outcome
from jeugdregie.casetable.explanation import explanation, rule_name, signal_labels
from jeugdregie.casetable.forms import (
    CaseCreateForm,
    CaseFilterForm,
    DirectDecisionForm,
    FollowUpForm,
    JudgementForm,
    QuestionsForm,
    ScheduleForm,
)
from jeugdregie.casetable.models import Case
from jeugdregie.clients.selectors import youth_by_bsn_required
from jeugdregie.framework.engine.results import Evaluation
from jeugdregie.regions.selectors import region_of
from jeugdregie.web.views import (
    acting_user,
    apply_service_errors,
    paginate,
    query_without_page,
    requires,
)
from jeugdregie.workflows import cases as case_workflows

OPEN = {CaseStatus.OPEN, CaseStatus.ON_AGENDA}


@requires(Capability.VIEW_CASES)
@require_safe
def case_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = CaseFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = paginate(request, selectors.case_list(user=user, filters=filters))
    selectors.log_youth_shown(
        user=user, cases=list(page.object_list), route=request.path, purpose=AccessPurpose.LIST
    )
    return render(
        request,
        "casetable/case_list.html",
        {
            "form": form,
            "page": page,
            "query": query_without_page(request),
            "can_create": user_can(user, Capability.CREATE_CASES),
        },
    )


@requires(Capability.CREATE_CASES)
@require_http_methods(["GET", "HEAD", "POST"])
def case_create(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    region = region_of(user=user)
    if region is None:
        raise PermissionDenied
    form = CaseCreateForm(
        request.POST or None,
        region_id=region.pk,
        initial={"request_date": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        new_provider = None
        if data["provider"] is None:
            new_provider = {
                "name": data["new_provider_name"],
                "agb_code": data["new_provider_agb"],
                "kvk_number": data["new_provider_kvk"],
            }
        try:
            youth = youth_by_bsn_required(bsn=data["bsn"], region=region)
            case = services.case_request(
                actor=user,
                new_provider=new_provider,
                kind=data["kind"],
                youth=youth,
                provider=data["provider"],
                product=data["product"],
                request_date=data["request_date"],
                start=data["start"],
                end=data["end"],
                volume=data["volume"],
                frequency=data["frequency"],
                tariff=data["tariff"],
                care_setting=data["care_setting"],
                comparable_tariff_override=data["comparable_tariff_override"],
                override_reason=data["override_reason"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                renamed = {
                    {"agb_code": "new_provider_agb", "kvk_number": "new_provider_kvk"}.get(k, k): v
                    for k, v in error.message_dict.items()
                }
                error = ValidationError(renamed)
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Case %(number)s has been registered: %(outcome)s.")
                % {"number": case.number, "outcome": case.get_outcome_display()},
            )
            return redirect("casetable:case-detail", pk=case.pk)
    return render(
        request,
        "casetable/case_create.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _questions_form(result: Evaluation, data: Any = None) -> QuestionsForm:
    ruleset = result.ruleset
    kind = result.case.value("kind")
    grounds = [
        (rule.id, f"{rule.id} — {rule.label}")
        for rule in ruleset.exceptions
        if kind is None or kind in rule.applies_to
    ]
    return QuestionsForm(
        data,
        prefix="vraag",
        facts=[ruleset.facts[q] for q in _asked(result)],
        ground_labels=grounds,
    )


def _asked(result: Evaluation) -> list[str]:
    """The engine's questions, with the list of exception grounds standing in for the facts
    that only serve exceptions: one list of checkboxes instead of a question per ground."""
    questions = list(result.questions)
    if "exception_grounds" not in questions:
        return questions
    ruleset = result.ruleset
    for_requirements = {f for rule in ruleset.requirements for f in rule.facts}
    only_exceptions = {f for rule in ruleset.exceptions for f in rule.facts} - for_requirements
    return [q for q in questions if q == "exception_grounds" or q not in only_exceptions]


def _judgements(result: Evaluation) -> list[tuple[str, str]]:
    return [(f.id, f.label) for f in result.ruleset.facts.values() if f.judgement]


def _detail(
    request: HttpRequest,
    case: Case,
    *,
    bound: dict[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    user = acting_user(request)
    result = evaluation.explain(case_id=case.number, facts=case.facts)
    bound = bound or {}
    editable = case.status in OPEN
    can_table = user_can(user, Capability.DECIDE_CASES)
    rules = {rule.id: rule for rule in result.ruleset.rules}
    context: dict[str, Any] = {
        "case": case,
        "result": result,
        "exceptions": [(rule_name(rules[g]), rules[g].label) for g in result.exceptions],
        "reasons": [(rule_name(rules[r]), rules[r].label) for r in result.reasons],
        "signals": signal_labels(result),
        "explanation": explanation(result),
        "editable": editable,
        "questions_form": (bound.get("questions") or _questions_form(result))
        if editable and result.questions
        else None,
        "judgement_form": (
            bound.get("judgement")
            or JudgementForm(prefix="oordeel", judgements=_judgements(result))
        )
        if selectors.may_settle(user=user, case=case)
        else None,
        "schedule_form": (
            bound.get("schedule")
            or ScheduleForm(prefix="agenda", meetings=selectors.planned_meetings(user=user))
        )
        if case.status == CaseStatus.OPEN and case.outcome in AGENDA_OUTCOMES
        else None,
        "decision_form": (bound.get("decision") or DirectDecisionForm(prefix="besluit"))
        if case.status == CaseStatus.OPEN and user.role == Role.CONTRACT_MANAGER
        else None,
        "follow_up_form": (bound.get("follow_up") or FollowUpForm(prefix="evaluatie"))
        if user_can(user, Capability.CREATE_CASES) or can_table
        else None,
        "follow_ups": list(case.follow_ups.all()),
        "agenda_items": list(case.agenda_items.select_related("meeting")),
        "outcome_help": _outcome_help(case.outcome),
    }
    return render(request, "casetable/case_detail.html", context, status=status)


def _outcome_help(outcome: str) -> str:
    texts: dict[str, str] = {
        Outcome.EXCEPTION: _(
            "An exception applies: referrer and contract management may conclude the light "
            "contract without the expert table."
        ),
        Outcome.MET: _("Every requirement is met: contract management may conclude the contract."),
        Outcome.REJECTED: _("A requirement that rejects is not met; no exception can apply."),
        Outcome.INSUFFICIENT: _(
            "Information is missing that can still change the outcome: answer the questions."
        ),
        Outcome.REFER: _("The case must be presented to the expert table."),
    }
    return texts.get(outcome, "")


@requires(Capability.VIEW_CASES)
@require_safe
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_detail(user=acting_user(request), pk=pk, route=request.path)
    return _detail(request, case)


def _post_on_case(
    request: HttpRequest,
    pk: int,
    key: str,
    make: Any,
    act: Any,
    saved: str,
) -> HttpResponse:
    """A POST from one of the case page's forms: the service, or the page with the errors."""
    if request.method != "POST":
        return redirect("casetable:case-detail", pk=pk)
    user = acting_user(request)
    case = selectors.case_detail(user=user, pk=pk, route=request.path)
    form = make(case)
    if form.is_valid():
        try:
            act(user, case, form)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, saved)
            return redirect("casetable:case-detail", pk=case.pk)
    return _detail(request, case, bound={key: form}, status=400)


@requires(Capability.CREATE_CASES)
@require_http_methods(["GET", "HEAD", "POST"])
def case_answer(request: HttpRequest, pk: int) -> HttpResponse:
    def make(case: Case) -> forms.Form:
        return _questions_form(
            evaluation.explain(case_id=case.number, facts=case.facts), request.POST
        )

    def act(user: User, case: Case, form: forms.Form) -> None:
        assert isinstance(form, QuestionsForm)
        services.case_answer(actor=user, case=case, answers=form.answers())

    return _post_on_case(request, pk, "questions", make, act, _("The answers have been recorded."))


@requires(Capability.DECIDE_CASES)
@require_http_methods(["GET", "HEAD", "POST"])
def case_judgement(request: HttpRequest, pk: int) -> HttpResponse:
    def make(case: Case) -> forms.Form:
        result = evaluation.explain(case_id=case.number, facts=case.facts)
        return JudgementForm(request.POST, prefix="oordeel", judgements=_judgements(result))

    def act(user: User, case: Case, form: forms.Form) -> None:
        services.judgement_settle(
            actor=user,
            case=case,
            fact=form.cleaned_data["fact"],
            value=form.cleaned_data["value"] == "ja",
            motivation=form.cleaned_data["motivation"],
        )

    return _post_on_case(request, pk, "judgement", make, act, _("The judgement has been recorded."))


@requires(Capability.VIEW_CASES)
@require_http_methods(["GET", "HEAD", "POST"])
def case_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)

    def make(case: Case) -> forms.Form:
        return ScheduleForm(
            request.POST, prefix="agenda", meetings=selectors.planned_meetings(user=user)
        )

    def act(user: User, case: Case, form: forms.Form) -> None:
        services.case_schedule(actor=user, case=case, meeting=form.cleaned_data["meeting"])

    return _post_on_case(
        request, pk, "schedule", make, act, _("The case has been put on the agenda.")
    )


@requires(Capability.DECIDE_CASES)
@require_http_methods(["GET", "HEAD", "POST"])
def case_decide(request: HttpRequest, pk: int) -> HttpResponse:
    if acting_user(request).role != Role.CONTRACT_MANAGER:  # the table decides at a meeting
        raise PermissionDenied

    def make(case: Case) -> forms.Form:
        return DirectDecisionForm(request.POST, prefix="besluit")

    def act(user: User, case: Case, form: forms.Form) -> None:
        case_workflows.case_decide_direct(
            actor=user,
            case=case,
            approve=form.cleaned_data["decision"] == "approve",
            motivation=form.cleaned_data["motivation"],
            urgent=form.cleaned_data["urgent"],
        )

    return _post_on_case(request, pk, "decision", make, act, _("The decision has been recorded."))


@requires(Capability.VIEW_CASES)
@require_http_methods(["GET", "HEAD", "POST"])
def case_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    def make(case: Case) -> forms.Form:
        return FollowUpForm(request.POST, prefix="evaluatie")

    def act(user: User, case: Case, form: forms.Form) -> None:
        services.follow_up_create(actor=user, case=case, **form.cleaned_data)

    return _post_on_case(
        request, pk, "follow_up", make, act, _("The evaluation moment has been planned.")
    )
