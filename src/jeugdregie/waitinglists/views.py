# SPDX-License-Identifier: EUPL-1.2
from datetime import date
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import own_provider_id, user_can
from jeugdregie.clients.selectors import youth_by_bsn_required
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.contracting.selectors import providers_of_region
from jeugdregie.core.dates import default_year
from jeugdregie.regions.selectors import region_of
from jeugdregie.waitinglists import derivation, reports, selectors, services
from jeugdregie.waitinglists.constants import PrioritySignal, WaitingSource
from jeugdregie.waitinglists.filters import WaitingEntryPageFilterSet
from jeugdregie.waitinglists.forms import (
    EntryCloseForm,
    EntryReportForm,
    EntryUpdateForm,
    YearForm,
)
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.web.exports import Sheet, xlsx_response
from jeugdregie.web.views import (
    acting_user,
    paginate,
    query_without_page,
    requires,
    service_form_page,
)


def _region_id(user: User) -> int:
    region = region_of(user=user)
    if region is None:
        raise Http404
    return region.pk


@requires(Capability.VIEW_WAITING_LIST)
@require_safe
def entry_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    today = timezone.localdate()
    _region_id(user)
    query = request.GET.copy()
    query.setdefault("status", "open")  # the screen opens on the entries waiting now
    filterset = WaitingEntryPageFilterSet(
        query, queryset=selectors.entries_visible_to(user=user), request=request
    )
    form = filterset.form
    data = form.cleaned_data if form.is_valid() else {}
    lot, provider = data.get("perceel"), data.get("aanbieder")
    figures = selectors.waiting_figures(
        user=user,
        today=today,
        lot_id=lot.pk if lot else None,
        provider_id=provider.pk if provider else None,
    )
    context: dict[str, Any] = {
        "form": form,
        "figures": figures,
        "shows_names": selectors.shows_names(user),
        "can_report": user_can(user, Capability.REPORT_WAITING_ENTRIES),
        "can_derive": user_can(user, Capability.DERIVE_WAITING_ENTRIES),
        "query": query_without_page(request),
        "today": today,
    }
    if selectors.shows_names(user):
        entries = filterset.qs if form.is_valid() else filterset.queryset.none()
        page = paginate(
            request, selectors.entries_sorted(entries, request.GET.get("sorteer", "sinds"))
        )
        rows = selectors.entries_page_logged(
            user=user, entries=list(page.object_list), route=request.path
        )
        page.object_list = rows
        context["page"] = page
        workers = selectors.cjg_workers([entry.trajectory_id for entry in rows])
        context["rows"] = [
            (
                entry,
                selectors.shown_identity(user, entry),
                selectors.signals_of(entry, today=today, user=user),
                (today - entry.waiting_since).days,
                workers.get(entry.trajectory_id or 0, ""),
            )
            for entry in rows
        ]
    return render(request, "waitinglists/entry_list.html", context)


@requires(Capability.VIEW_WAITING_LIST)
@require_safe
def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    today = timezone.localdate()
    entry = selectors.entry_detail(user=user, pk=pk, route=request.path)
    end = entry.outflow_date or today
    return render(
        request,
        "waitinglists/entry_detail.html",
        {
            "entry": entry,
            "identity": selectors.shown_identity(user, entry),
            "submitted_by_provider": selectors.submission_for_region(user, entry),
            "signals": selectors.signals_of(entry, today=today, user=user),
            "days": (end - entry.waiting_since).days,
            "history": selectors.entry_history_lines(entry=entry),
            "cjg_worker": selectors.cjg_workers([entry.trajectory_id]).get(
                entry.trajectory_id or 0, ""
            ),
            "can_change": entry.is_open and user_can(user, Capability.REPORT_WAITING_ENTRIES),
        },
    )


@requires(Capability.REPORT_WAITING_ENTRIES)
@require_http_methods(["GET", "HEAD", "POST"])
def entry_report(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    region = region_of(user=user)
    if region is None:
        raise Http404
    lots, providers, products = selectors.entry_filter_choices(user=user)
    is_provider = user.role == Role.PROVIDER
    form = EntryReportForm(
        request.POST or None,
        lots=lots,
        providers=None if is_provider else providers,
        products=products,
        bridging_providers=providers_of_region(region=region).order_by("name"),
    )

    def run(data: dict[str, Any]) -> str:
        details = {
            "lot": data["lot"],
            "product": data["product"],
            "waiting_since": data["waiting_since"],
            "court_ruling_date": data["court_ruling_date"],
            "bridging_provider": data["bridging_provider"],
            "bridging_product": data["bridging_product"],
            "bridging_note": data["bridging_note"],
        }
        if is_provider:
            # Stored as submitted, answered the same whether or not the BSN is known.
            services.waiting_entry_report_by_provider(
                actor=user,
                provider=Provider.objects.get(pk=own_provider_id(user)),
                region=region,
                submission=services.submission_check(
                    bsn=data["bsn"],
                    given_name=data["given_name"],
                    family_name=data["family_name"],
                    birth_date=data["birth_date"],
                    today=timezone.localdate(),
                ),
                source=WaitingSource.PROVIDER_SCREEN,
                **details,
            )
        else:
            services.waiting_entry_report(
                actor=user,
                youth=youth_by_bsn_required(bsn=data["bsn"], region=region),
                provider=data["provider"],
                source=WaitingSource.STAFF,
                **details,
            )
        return reverse("waitinglists:entry-list")

    return service_form_page(
        request,
        form,
        run=run,
        title=_("Report a youth on the waiting list"),
        submit=_("Put on the waiting list"),
        saved=_("The youth is on the waiting list."),
    )


@requires(Capability.DERIVE_WAITING_ENTRIES)
def entries_derive(request: HttpRequest) -> HttpResponse:
    """Derive entries from requests and allocations not yet started now (POST only)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    region = region_of(user=acting_user(request))
    if region is None:
        raise Http404
    result = derivation.waiting_entries_derive(region=region)
    messages.success(
        request,
        _(
            "Waiting list derived: %(created)s new, %(linked)s linked, %(closed)s taken off, "
            "%(skipped)s skipped."
        )
        % {
            "created": result.created,
            "linked": result.linked,
            "closed": result.closed,
            "skipped": len(result.skipped),
        },
    )
    return redirect("waitinglists:entry-list")


def _changeable(request: HttpRequest, pk: int) -> tuple[User, WaitingEntry]:
    user = acting_user(request)
    entry = selectors.entries_visible_to(user=user).filter(pk=pk).first()
    if entry is None:
        raise Http404
    return user, entry


@requires(Capability.REPORT_WAITING_ENTRIES)
@require_http_methods(["GET", "HEAD", "POST"])
def entry_update(request: HttpRequest, pk: int) -> HttpResponse:
    user, entry = _changeable(request, pk)
    region_id = entry.lot.region_id
    initial = {name: getattr(entry, name) for name in services.UPDATABLE}
    form = EntryUpdateForm(
        request.POST or None,
        initial=initial,
        products=Product.objects.filter(region_id=region_id).order_by("code"),
        bridging_providers=providers_of_region(region=region_id).order_by("name"),
    )

    def run(data: dict[str, Any]) -> str:
        services.waiting_entry_update(
            actor=user, entry=entry, **{name: data[name] for name in services.UPDATABLE}
        )
        return reverse("waitinglists:entry-detail", kwargs={"pk": entry.pk})

    return service_form_page(
        request,
        form,
        run=run,
        title=_("Change the waiting-list entry"),
        submit=_("Save"),
        saved=_("The entry has been changed."),
    )


@requires(Capability.REPORT_WAITING_ENTRIES)
@require_http_methods(["GET", "HEAD", "POST"])
def entry_close(request: HttpRequest, pk: int) -> HttpResponse:
    user, entry = _changeable(request, pk)
    form = EntryCloseForm(request.POST or None, initial={"outflow_date": timezone.localdate()})

    def run(data: dict[str, Any]) -> str:
        services.waiting_entry_close(
            actor=user,
            entry=entry,
            outflow_date=data["outflow_date"],
            outflow_reason=data["outflow_reason"],
            outflow_note=data["outflow_note"],
        )
        return reverse("waitinglists:entry-detail", kwargs={"pk": entry.pk})

    return service_form_page(
        request,
        form,
        run=run,
        title=_("Take off the waiting list"),
        submit=_("Take off the list"),
        saved=_("The entry left the waiting list."),
    )


def _monitoring(request: HttpRequest) -> tuple[YearForm, reports.Monitoring]:
    user = acting_user(request)
    region = region_of(user=user)
    if region is None:
        raise Http404
    form = YearForm(request.GET)
    year = (form.cleaned_data.get("jaar") if form.is_valid() else None) or default_year()
    provider = (
        Provider.objects.get(pk=own_provider_id(user)) if user.role == Role.PROVIDER else None
    )
    report = reports.monitoring_report(
        region=region, year=year, today=timezone.localdate(), provider=provider
    )
    return form, report


@requires(Capability.VIEW_WAITING_MONITORING)
@require_safe
def monitoring(request: HttpRequest) -> HttpResponse:
    form, report = _monitoring(request)
    return render(
        request,
        "waitinglists/monitoring.html",
        {
            "form": form,
            "report": report,
            "header": reports.export_header(),
            "rows": reports.export_rows(report),
            "months": [
                (date(report.year, month, 1), inflow, outflow)
                for month, inflow, outflow in report.months
            ],
            "query": query_without_page(request),
            "signals": PrioritySignal,
        },
    )


@requires(Capability.VIEW_WAITING_MONITORING)
@require_safe
def monitoring_xlsx(request: HttpRequest) -> HttpResponse:
    _form, report = _monitoring(request)
    months = Sheet(
        title=_("Inflow and outflow"),
        header=[_("Month"), _("Inflow"), _("Outflow")],
        rows=[
            [date(report.year, month, 1), inflow, outflow]
            for month, inflow, outflow in report.months
        ],
        number_formats={0: "mm-yyyy"},
    )
    return xlsx_response(
        request=request,
        filename=f"wachtlijsten-monitoring-{report.region.code}-{report.year}.xlsx",
        title=f"Monitoring {report.year}",
        header=reports.export_header(),
        rows=reports.export_rows(report),
        more_sheets=[months],
    )
