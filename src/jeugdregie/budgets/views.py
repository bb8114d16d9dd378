# SPDX-License-Identifier: EUPL-1.2
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import region_id_of, user_can
from jeugdregie.budgets import selectors, services
from jeugdregie.budgets.forms import CeilingFilterForm, CeilingForm
from jeugdregie.core.views import acting_user, apply_service_errors, paginate, requires
from jeugdregie.regions.selectors import region_of


@requires(Capability.VIEW_CEILINGS)
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
