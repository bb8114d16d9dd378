# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import own_provider_id, region_id_of, user_can
from jeugdregie.budgets import client_stops, exceptions, proposals, reports, selectors, services
from jeugdregie.budgets.constants import BudgetStatus
from jeugdregie.budgets.exceptions import exception_rows, exceptions_visible_to
from jeugdregie.budgets.forms import (
    BudgetOverviewFilterForm,
    CeilingFilterForm,
    CeilingForm,
    CeilingProposalApplyForm,
    CeilingProposalYearForm,
    ClientStopDecisionForm,
    ClientStopLiftForm,
    ClientStopRequestForm,
    ExceptionDecisionForm,
    ExceptionRequestForm,
)
from jeugdregie.clients.submissions import submission_check
from jeugdregie.contracting.models import Provider
from jeugdregie.regions.selectors import region_of
from jeugdregie.web.exports import EURO_FORMAT, PERCENT_FORMAT, csv_response, xlsx_response
from jeugdregie.web.views import (
    acting_user,
    apply_service_errors,
    paginate,
    query_without_page,
    requires,
    service_form_page,
)


@requires(Capability.VIEW_CEILINGS)
@require_safe
def ceiling_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = CeilingFilterForm(request.GET)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    ceilings = selectors.ceilings_visible_to(user=user)
    if data.get("jaar"):
        ceilings = ceilings.filter(year=data["jaar"])
    if data.get("q"):
        ceilings = ceilings.filter(provider__name__icontains=data["q"])
    return render(
        request,
        "budgets/ceiling_list.html",
        {
            "form": form,
            "page": paginate(request, ceilings.order_by("-year", "provider__name")),
            "can_manage": user_can(user, Capability.MANAGE_CEILINGS),
        },
    )


@requires(Capability.MANAGE_CEILINGS)
@require_http_methods(["GET", "HEAD", "POST"])
def ceiling_set(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = CeilingForm(request.POST or None, region_id=region_id_of(user))
    region = region_of(user=user)
    if request.method == "POST" and form.is_valid() and region is not None:
        try:
            services.ceiling_set(actor=user, region=region, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect("budgets:ceiling-list")
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Set a budget ceiling"),
            "submit": _("Save ceiling"),
        },
        status=400 if form.errors else 200,
    )


@requires(Capability.MANAGE_CEILINGS)
@require_http_methods(["GET", "HEAD", "POST"])
def ceiling_proposal(request: HttpRequest) -> HttpResponse:
    """Proposed ceilings of every provider for a year (preview), then apply them at once."""
    user = acting_user(request)
    region = region_of(user=user)
    assert region is not None
    filter_form = CeilingProposalYearForm(request.GET)
    filter_form.is_valid()
    year = getattr(filter_form, "cleaned_data", {}).get("jaar") or timezone.localdate().year + 1
    form = CeilingProposalApplyForm(request.POST or None, initial={"year": year})
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data["year"]
        try:
            applied = proposals.ceiling_proposal_apply(
                actor=user,
                region=region,
                year=year,
                decision_reference=form.cleaned_data["decision_reference"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(count)s ceilings for %(year)s have been set.")
                % {"count": len(applied), "year": year},
            )
            return redirect(f"{reverse('budgets:ceiling-list')}?jaar={year}")
    return render(
        request,
        "budgets/ceiling_proposal.html",
        {
            "filter_form": filter_form,
            "form": form,
            "proposal": proposals.ceiling_proposal(user=user, year=year),
        },
        status=400 if form.errors else 200,
    )


def _year(request: HttpRequest, default: int) -> int:
    try:
        year = int(request.GET.get("jaar", default))
    except ValueError:
        return default
    return year if 2015 <= year <= 2100 else default


@requires(Capability.VIEW_PROVIDER_BUDGETS)
@require_safe
def provider_budget(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    today = timezone.localdate()
    try:
        budget = selectors.provider_budget(
            user=user,
            provider_id=pk,
            year=_year(request, selectors.default_budget_year(user=user, today=today)),
            on=today,
        )
    except Provider.DoesNotExist as exc:
        raise Http404 from exc
    points, graph = [], None
    if budget.position is not None:
        region = region_of(user=user)
        assert region is not None
        points = reports.monthly_series(
            region=region, provider_id=budget.provider.pk, figures=budget.position.figures
        )
        graph = reports.chart(points, budget.position.figures.ceiling)
    return render(
        request,
        "budgets/provider_budget.html",
        {
            "budget": budget,
            "points": points,
            "chart": graph,
            "figures": budget.position.figures if budget.position else None,
            "status_label": BudgetStatus(budget.position.figures.status).label
            if budget.position
            else "",
            "can_request_stop": user_can(user, Capability.REQUEST_CLIENT_STOP),
            "can_decide": user_can(user, Capability.DECIDE_CLIENT_STOPS),
        },
    )


@requires(Capability.REQUEST_CLIENT_STOP)
@require_http_methods(["GET", "HEAD", "POST"])
def client_stop_request(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = ClientStopRequestForm(request.POST or None)
    region = region_of(user=user)
    provider = Provider.objects.get(pk=own_provider_id(user))
    assert region is not None

    def run(data: dict[str, Any]) -> str:
        client_stops.client_stop_request(actor=user, region=region, provider=provider, **data)
        return reverse("budgets:provider-budget", kwargs={"pk": provider.pk})

    return service_form_page(
        request,
        form,
        run=run,
        title=_("Request a client stop"),
        submit=_("Send request"),
        saved=_("Your request for a client stop has been sent to contract management."),
    )


@requires(Capability.DECIDE_CLIENT_STOPS)
@require_safe
def client_stop_list(request: HttpRequest) -> HttpResponse:
    stops = selectors.client_stops_visible_to(user=acting_user(request)).order_by(
        "-requested_at", "-id"
    )
    return render(request, "budgets/client_stop_list.html", {"page": paginate(request, stops)})


@requires(Capability.DECIDE_CLIENT_STOPS)
@require_http_methods(["GET", "HEAD", "POST"])
def client_stop_decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    stop = get_object_or_404(selectors.client_stops_visible_to(user=user), pk=pk)
    form = ClientStopDecisionForm(request.POST or None)

    def run(data: dict[str, Any]) -> str:
        client_stops.client_stop_decide(
            actor=user,
            stop=stop,
            confirm=data["decision"] == "confirm",
            reason=data["decision_reason"],
            start=data.get("start"),
        )
        return reverse("budgets:client-stop-list")

    return service_form_page(
        request,
        form,
        run=run,
        title=_("Decide on the client stop of %(provider)s") % {"provider": stop.provider.name},
        submit=_("Save decision"),
        saved=_("The decision has been saved and sent to the provider."),
    )


@requires(Capability.DECIDE_CLIENT_STOPS)
@require_http_methods(["GET", "HEAD", "POST"])
def client_stop_lift(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    stop = get_object_or_404(selectors.client_stops_visible_to(user=user), pk=pk)
    form = ClientStopLiftForm(request.POST or None)

    def run(data: dict[str, Any]) -> str:
        client_stops.client_stop_lift(actor=user, stop=stop, reason=data["lift_reason"])
        return reverse("budgets:client-stop-list")

    return service_form_page(
        request,
        form,
        run=run,
        title=_("Lift the client stop of %(provider)s") % {"provider": stop.provider.name},
        submit=_("Lift the client stop"),
        saved=_("The client stop has been lifted."),
    )


@requires()
@require_safe
def exception_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    if not (
        user_can(user, Capability.DECIDE_CLIENT_STOPS)
        or user_can(user, Capability.REQUEST_CLIENT_STOP)
    ):
        raise PermissionDenied
    exceptions = exceptions_visible_to(user=user).order_by("-requested_at", "-id")
    page = paginate(request, exceptions)
    rows = exception_rows(user=user, exceptions=page.object_list, route=request.path)
    return render(
        request,
        "budgets/exception_list.html",
        {
            "page": page,
            "rows": rows,
            "can_decide": user_can(user, Capability.DECIDE_CLIENT_STOPS),
            "can_request": user_can(user, Capability.REQUEST_CLIENT_STOP),
            "own_provider": own_provider_id(user) if user.role == Role.PROVIDER else None,
        },
    )


@requires(Capability.REQUEST_CLIENT_STOP)
@require_http_methods(["GET", "HEAD", "POST"])
def exception_request(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    region = region_of(user=user)
    assert region is not None
    form = ExceptionRequestForm(request.POST or None, region_id=region.pk)

    def run(data: dict[str, Any]) -> str:
        # Stored as submitted, answered the same whether or not the BSN is known (issue 11).
        submission = submission_check(
            bsn=data["bsn"],
            given_name=data["given_name"],
            family_name=data["family_name"],
            birth_date=data["birth_date"],
            today=timezone.localdate(),
        )
        exceptions.exception_request(
            actor=user,
            region=region,
            provider=Provider.objects.get(pk=own_provider_id(user)),
            submission=submission,
            product=data["product"],
            cannot_wait=data["cannot_wait"],
            only_here=data["only_here"],
            explanation=data["explanation"],
        )
        return reverse("budgets:exception-list")

    return service_form_page(
        request,
        form,
        run=run,
        title=_("Request a nee-tenzij exception"),
        submit=_("Send request"),
        saved=_("Your request has been sent to contract management."),
    )


@requires(Capability.DECIDE_CLIENT_STOPS)
@require_http_methods(["GET", "HEAD", "POST"])
def exception_decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    exception = get_object_or_404(exceptions_visible_to(user=user), pk=pk)
    form = ExceptionDecisionForm(request.POST or None)

    def run(data: dict[str, Any]) -> str:
        exceptions.exception_decide(
            actor=user,
            exception=exception,
            grant=data["decision"] == "grant",
            reason=data["decision_reason"],
        )
        return reverse("budgets:exception-list")

    return service_form_page(
        request,
        form,
        run=run,
        title=_("Decide on nee-tenzij request NT-%(number)s") % {"number": exception.pk},
        submit=_("Save decision"),
        saved=_("The decision has been saved and sent to the provider."),
    )


@requires(Capability.VIEW_PROVIDER_BUDGETS)
@require_safe
def exception_report(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    today = timezone.localdate()
    half = 2 if request.GET.get("halfjaar") == "2" else 1
    try:
        report = exceptions.half_year_report(
            user=user, provider_id=pk, year=_year(request, today.year), half=half
        )
    except Provider.DoesNotExist as exc:
        raise Http404 from exc
    return render(request, "budgets/exception_report.html", {"report": report})


def _overview(request: HttpRequest) -> tuple[BudgetOverviewFilterForm, reports.Overview]:
    user = acting_user(request)
    today = timezone.localdate()
    region_id = region_id_of(user)
    form = BudgetOverviewFilterForm(request.GET, region_id=region_id)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    overview = reports.budget_overview(
        user=user,
        year=data.get("jaar") or selectors.default_budget_year(user=user, today=today),
        on=today,
        lot_id=data["perceel"].pk if data.get("perceel") else None,
        municipality_id=data["gemeente"].pk if data.get("gemeente") else None,
        sort=request.GET.get("sorteer", "-uitputting"),
    )
    return form, overview


@requires(Capability.VIEW_BUDGET_OVERVIEW)
@require_safe
def budget_overview(request: HttpRequest) -> HttpResponse:
    form, overview = _overview(request)
    return render(
        request,
        "budgets/budget_overview.html",
        {
            "form": form,
            "overview": overview,
            "query": query_without_page(request),
            "status_labels": dict(BudgetStatus.choices),
        },
    )


@requires(Capability.VIEW_BUDGET_OVERVIEW)
@require_safe
def budget_overview_csv(request: HttpRequest) -> HttpResponseBase:
    _form, overview = _overview(request)
    return csv_response(
        request=request,
        filename=f"budgetoverzicht-{overview.year}.csv",
        header=reports.export_header(),
        rows=reports.export_rows(overview),
    )


@requires(Capability.VIEW_BUDGET_OVERVIEW)
@require_safe
def budget_overview_xlsx(request: HttpRequest) -> HttpResponseBase:
    _form, overview = _overview(request)
    formats = dict.fromkeys(reports.EXPORT_MONEY_COLUMNS, EURO_FORMAT)
    return xlsx_response(
        request=request,
        filename=f"budgetoverzicht-{overview.year}.xlsx",
        title=f"Budget {overview.year}",
        header=reports.export_header(),
        rows=reports.export_rows(overview),
        number_formats={**formats, reports.EXPORT_PERCENT_COLUMN: PERCENT_FORMAT},
    )
