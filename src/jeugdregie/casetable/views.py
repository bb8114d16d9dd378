# SPDX-License-Identifier: EUPL-1.2
"""Screens for afwegingskader requests (cases) and the expert table."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import user_can
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.casetable import documents, evaluation, selectors, services
from jeugdregie.casetable.constants import AGENDA_OUTCOMES, CaseStatus, Outcome
from jeugdregie.casetable.forms import (
    AgendaDecisionForm,
    CaseCreateForm,
    CaseFilterForm,
    DirectDecisionForm,
    FollowUpForm,
    JudgementForm,
    MeetingForm,
    QuestionsForm,
    ScheduleForm,
)
from jeugdregie.casetable.models import Case, Meeting
from jeugdregie.clients.selectors import youth_by_bsn_required
from jeugdregie.core.exports import Sheet, xlsx_response
from jeugdregie.core.views import (
    acting_user,
    apply_service_errors,
    paginate,
    query_without_page,
    requires,
)
from jeugdregie.framework.engine.results import Evaluation
from jeugdregie.regions.selectors import region_of

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
    labels = {rule.id: rule.label for rule in result.ruleset.rules}
    context: dict[str, Any] = {
        "case": case,
        "result": result,
        "exceptions": [(g, labels.get(g, g)) for g in result.exceptions],
        "reasons": [(r, labels.get(r, r)) for r in result.reasons],
        "trace": [entry.to_json() for entry in result.trace],
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
        services.case_decide_direct(
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


# --- the expert table -------------------------------------------------------------------


@requires(Capability.VIEW_MEETINGS)
@require_safe
def meeting_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    meetings = selectors.meetings_visible_to(user=user).prefetch_related("items")
    return render(
        request,
        "casetable/meeting_list.html",
        {
            "page": paginate(request, meetings.order_by("-date", "-pk")),
            "can_plan": user_can(user, Capability.DECIDE_CASES),
        },
    )


def _members(user: User) -> Any:
    region = region_of(user=user)
    return User.objects.filter(
        organisation__region=region,
        is_active=True,
        role__in=[Role.EXPERT_MEMBER, Role.CONTRACT_MANAGER, Role.ACCESS_STAFF, Role.GI_STAFF],
    ).order_by("last_name", "username")


@requires(Capability.DECIDE_CASES)
@require_http_methods(["GET", "HEAD", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = MeetingForm(request.POST or None, members=_members(user))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                actor=user,
                date=form.cleaned_data["date"],
                members=list(form.cleaned_data["members"]),
                guests=form.cleaned_data["guests"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The meeting has been planned."))
            return redirect("casetable:meeting-detail", pk=meeting.pk)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("Plan a meeting"), "submit": _("Plan the meeting")},
        status=400 if form.errors else 200,
    )


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    return get_object_or_404(selectors.meetings_visible_to(user=acting_user(request)), pk=pk)


@requires(Capability.VIEW_MEETINGS)
@require_safe
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    meeting = _meeting(request, pk)
    items = selectors.agenda(meeting=meeting)
    selectors.log_youth_shown(
        user=user, cases=[i.case for i in items], route=request.path, purpose=AccessPurpose.LIST
    )
    return render(
        request,
        "casetable/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "members": list(meeting.members.order_by("last_name", "username")),
            "can_decide": user_can(user, Capability.DECIDE_CASES),
            "forms": {item.pk: AgendaDecisionForm(prefix=f"punt{item.pk}") for item in items},
        },
    )


@requires(Capability.DECIDE_CASES)
@require_http_methods(["GET", "HEAD", "POST"])
def agenda_decide(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    user = acting_user(request)
    meeting = _meeting(request, pk)
    agenda_item = get_object_or_404(meeting.items.select_related("case"), pk=item)
    if request.method != "POST":
        return redirect("casetable:meeting-detail", pk=meeting.pk)
    form = AgendaDecisionForm(request.POST, prefix=f"punt{agenda_item.pk}")
    if form.is_valid():
        try:
            services.agenda_decide(actor=user, item=agenda_item, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The decision on case %(number)s has been recorded.")
                % {"number": agenda_item.case.number},
            )
            return redirect("casetable:meeting-detail", pk=meeting.pk)
    items = selectors.agenda(meeting=meeting)
    selectors.log_youth_shown(
        user=user, cases=[i.case for i in items], route=request.path, purpose=AccessPurpose.LIST
    )
    return render(
        request,
        "casetable/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "members": list(meeting.members.order_by("last_name", "username")),
            "can_decide": True,
            "forms": {
                item.pk: form
                if item.pk == agenda_item.pk
                else AgendaDecisionForm(prefix=f"punt{item.pk}")
                for item in items
            },
        },
        status=400,
    )


def _pdf(request: HttpRequest, pk: int, minutes: bool) -> HttpResponse:
    user = acting_user(request)
    meeting = _meeting(request, pk)
    items = selectors.agenda(meeting=meeting)
    selectors.log_youth_shown(
        user=user, cases=[i.case for i in items], route=request.path, purpose=AccessPurpose.EXPORT
    )
    members = list(meeting.members.order_by("last_name", "username"))
    data = (
        documents.minutes_pdf(meeting=meeting, items=items, members=members)
        if minutes
        else documents.agenda_pdf(meeting=meeting, items=items, members=members)
    )
    name = "notulen" if minutes else "agenda"
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}-{meeting.date:%Y-%m-%d}.pdf"'
    return response


@requires(Capability.VIEW_MEETINGS)
@require_safe
def meeting_agenda_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _pdf(request, pk, minutes=False)


@requires(Capability.VIEW_MEETINGS)
@require_safe
def meeting_minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _pdf(request, pk, minutes=True)


# --- overviews --------------------------------------------------------------------------


@requires(Capability.VIEW_CASE_OVERVIEW)
@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    data = selectors.overview(user=user)
    return render(request, "casetable/overview.html", {"overview": data})


def overview_rows(data: selectors.Overview) -> dict[str, list[list[Any]]]:
    """The overview's tables as rows (header first), as on the screen."""
    return {
        _("Light contracts per year"): [
            [
                _("Year"),
                _("Light contracts"),
                _("Ambulant"),
                _("Share ambulant"),
                _("Residential"),
                _("Share residential"),
            ],
            *[
                [
                    r.year,
                    r.light_contracts,
                    r.ambulant,
                    r.ambulant_share,
                    r.residential,
                    r.residential_share,
                ]
                for r in data.years
            ],
        ],
        _("Cases per exception ground"): [
            [_("Ground"), _("Cases")],
            *[[ground, count] for ground, count in data.by_ground],
        ],
        _("Cases per outcome"): [
            [_("Outcome"), _("Cases")],
            *[[label, count] for _value, label, count in data.by_outcome],
        ],
    }


@requires(Capability.VIEW_CASE_OVERVIEW)
@require_safe
def overview_xlsx(request: HttpRequest) -> HttpResponseBase:
    data = selectors.overview(user=acting_user(request))
    first, *more = [
        Sheet(title=title, header=rows[0], rows=rows[1:])
        for title, rows in overview_rows(data).items()
    ]
    return xlsx_response(
        request=request,
        filename="afwegingskader-overzicht.xlsx",
        title=first.title,
        header=first.header,
        rows=first.rows,
        more_sheets=more,
    )
