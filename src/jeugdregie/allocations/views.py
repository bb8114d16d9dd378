# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import user_can
from jeugdregie.allocations import selectors
from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.allocations.filters import AllocationPageFilterSet
from jeugdregie.allocations.forms import AllocationCreateForm
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.clients.selectors import youth_search
from jeugdregie.contracting.constants import Frequency, Unit
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.contracting.selectors import providers_of_region, providers_visible_to
from jeugdregie.regions.selectors import municipalities_worked_for, region_of
from jeugdregie.web.exports import RowsOf, csv_response
from jeugdregie.web.views import (
    acting_user,
    limit_choices,
    paginate,
    query_without_page,
    requires,
    service_form_page,
)
from jeugdregie.workflows.allocations import allocation_grant_manual

EXPORT_LIMIT = 100_000


def _filtered(
    request: HttpRequest, user: User
) -> tuple[AllocationPageFilterSet, QuerySet[Allocation]]:
    """The screen's filters (Dutch parameters; an invalid value is ignored and shown) and the
    sorted allocations they select."""
    providers = providers_visible_to(user=user)
    if user.role != Role.PROVIDER:
        providers = Provider.objects.filter(
            pk__in=selectors.allocations_visible_to(user=user).values("provider_id")
        ).order_by("name")
    filterset = AllocationPageFilterSet(
        request.GET, queryset=selectors.allocations_visible_to(user=user)
    )
    limit_choices(filterset.form, "aanbieder", providers)
    limit_choices(filterset.form, "gemeente", municipalities_worked_for(user=user))
    allocations = selectors.allocations_sorted(filterset.qs, request.GET.get("sorteer", "-start"))
    return filterset, allocations


@requires(Capability.VIEW_ALLOCATIONS)
@require_safe
def allocation_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    filterset, allocations = _filtered(request, user)
    page = paginate(request, allocations)
    page.object_list = selectors.allocations_page_logged(
        user=user, allocations=page.object_list, route=request.path
    )
    return render(
        request,
        "allocations/allocation_list.html",
        {
            "form": filterset.form,
            "page": page,
            "query": query_without_page(request),
            "can_create": user_can(user, Capability.CREATE_ALLOCATIONS),
        },
    )


@requires(Capability.VIEW_ALLOCATIONS)
@require_safe
def allocation_export(request: HttpRequest) -> HttpResponseBase:
    """CSV of the filtered allocations; no names or BSNs, but every youth's access is logged."""
    user = acting_user(request)
    _filterset, allocations = _filtered(request, user)
    rows = selectors.allocations_page_logged(
        user=user,
        # The export holds no names or BSNs: leave them encrypted in the database.
        allocations=allocations.defer(
            "youth__bsn", "youth__given_name", "youth__family_name", "youth__created_at"
        )[:EXPORT_LIMIT],
        route=request.path,
        purpose=AccessPurpose.EXPORT,
    )
    header = [
        _("Allocation number"),
        _("Municipality CBS code"),
        _("Municipality"),
        _("Provider AGB code"),
        _("Provider"),
        _("Product code"),
        _("Product"),
        _("Volume"),
        _("Unit"),
        _("Frequency"),
        _("Budget"),
        _("Start date"),
        _("End date"),
        _("Status"),
        _("Birth year of the youth"),
    ]

    # Labels resolved once: a lazy translation per cell costs seconds on a region's rows.
    units, frequencies, statuses = (
        {code: str(label) for code, label in choices.choices}
        for choices in (Unit, Frequency, AllocationStatus)
    )

    def row(a: Allocation) -> list[object]:
        return [
            a.number,
            a.municipality.cbs_code,
            a.municipality.name,
            a.provider.agb_code,
            a.provider.name,
            a.product.code,
            a.product.name,
            a.volume,
            units.get(a.unit, a.unit),
            frequencies.get(a.frequency, a.frequency),
            a.budget,
            a.start,
            a.end,
            statuses.get(a.status, a.status),
            a.youth.birth_date.year,
        ]

    return csv_response(
        request=request,
        filename="toewijzingen.csv",
        header=header,
        rows=RowsOf(rows, row),
        stream=True,
    )


@requires(Capability.CREATE_ALLOCATIONS)
@require_http_methods(["GET", "HEAD", "POST"])
def allocation_create(request: HttpRequest) -> HttpResponse:
    """A manual allocation; refused at a provider that is not contracted for the product's
    lot on the start date, and at a provider under a client stop, naming the stop and
    providers with room (``workflows.allocations.allocation_grant_manual``)."""
    user = acting_user(request)
    region = region_of(user=user)
    form = AllocationCreateForm(
        request.POST or None,
        providers=providers_of_region(region=region).order_by("name"),
        products=Product.objects.filter(region=region).order_by("code"),
    )

    def run(data: dict[str, Any]) -> str:
        found = youth_search(user=user, query=data["bsn"], route=request.path, by_name=False)
        if len(found) != 1:
            raise ValidationError({"bsn": _("There is no youth with this BSN that you may see.")})
        allocation_grant_manual(
            actor=user,
            youth=found[0],
            provider=data["provider"],
            product=data["product"],
            start=data["start"],
            end=data["end"],
            volume=data["volume"],
            frequency=data["frequency"],
            budget=data["budget"],
        )
        return reverse("allocations:allocation-list")

    return service_form_page(
        request,
        form,
        run=run,
        title=_("New allocation"),
        submit=_("Allocate"),
        saved=_("The allocation has been saved."),
    )
