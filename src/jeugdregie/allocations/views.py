# SPDX-License-Identifier: EUPL-1.2
import csv
from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.allocations import selectors
from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.allocations.forms import AllocationFilterForm
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.contracting.constants import Frequency, Unit
from jeugdregie.contracting.models import Provider
from jeugdregie.contracting.selectors import providers_visible_to
from jeugdregie.core.views import acting_user, paginate, query_without_page, requires
from jeugdregie.regions.selectors import municipalities_worked_for

EXPORT_LIMIT = 100_000


def _filters(
    request: HttpRequest, user: User
) -> tuple[AllocationFilterForm, selectors.AllocationFilters]:
    municipalities = municipalities_worked_for(user=user)
    providers = providers_visible_to(user=user)
    if user.role != Role.PROVIDER:
        providers = Provider.objects.filter(
            pk__in=selectors.allocations_visible_to(user=user).values("provider_id")
        ).order_by("name")
    form = AllocationFilterForm(request.GET, providers=providers, municipalities=municipalities)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    filters = selectors.AllocationFilters(
        status=data.get("status") or "",
        provider_id=data["aanbieder"].pk if data.get("aanbieder") else None,
        municipality_id=data["gemeente"].pk if data.get("gemeente") else None,
        active_on=data.get("actief_op"),
        number=data.get("nummer") or "",
        sort=request.GET.get("sorteer", "-start"),
    )
    return form, filters


@requires(Capability.VIEW_ALLOCATIONS)
def allocation_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form, filters = _filters(request, user)
    page = paginate(request, selectors.allocation_list(user=user, filters=filters))
    page.object_list = selectors.allocations_page_logged(
        user=user, allocations=page.object_list, route=request.path
    )
    return render(
        request,
        "allocations/allocation_list.html",
        {
            "form": form,
            "page": page,
            "query": query_without_page(request),
        },
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


@requires(Capability.VIEW_ALLOCATIONS)
def allocation_export(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """CSV of the filtered allocations; no names or BSNs, but every youth's access is logged."""
    user = acting_user(request)
    _form, filters = _filters(request, user)
    rows = selectors.allocations_page_logged(
        user=user,
        # The export holds no names or BSNs: leave them encrypted in the database.
        allocations=selectors.allocation_list(user=user, filters=filters).defer(
            "youth__bsn", "youth__given_name", "youth__family_name", "youth__created_at"
        )[:EXPORT_LIMIT],
        route=request.path,
        purpose=AccessPurpose.EXPORT,
    )
    writer = csv.writer(_Echo(), delimiter=";")
    header = [
        "toewijzingsnummer",
        "gemeente_cbs",
        "gemeente",
        "aanbieder_agb",
        "aanbieder",
        "productcode",
        "product",
        "volume",
        "eenheid",
        "frequentie",
        "budget",
        "begindatum",
        "einddatum",
        "status",
        "geboortejaar_jeugdige",
    ]

    # Labels resolved once: a lazy translation per cell costs seconds on a region's rows.
    units, frequencies, statuses = (
        {code: str(label) for code, label in choices.choices}
        for choices in (Unit, Frequency, AllocationStatus)
    )

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(header)
        for a in rows:
            yield writer.writerow(
                [
                    a.number,
                    a.municipality.cbs_code,
                    a.municipality.name,
                    a.provider.agb_code,
                    a.provider.name,
                    a.product.code,
                    a.product.name,
                    a.volume or "",
                    units.get(a.unit, a.unit),
                    frequencies.get(a.frequency, a.frequency),
                    str(a.budget).replace(".", ",") if a.budget is not None else "",
                    a.start.isoformat(),
                    a.end.isoformat() if a.end else "",
                    statuses.get(a.status, a.status),
                    a.youth.birth_date.year,
                ]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="toewijzingen.csv"'
    return response
