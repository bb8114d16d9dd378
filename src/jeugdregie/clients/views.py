# SPDX-License-Identifier: EUPL-1.2
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import user_can
from jeugdregie.allocations.selectors import allocations_of_youth
from jeugdregie.clients import selectors, services
from jeugdregie.clients.forms import YouthCreateForm, YouthSearchForm
from jeugdregie.core.bsn import mask_bsn
from jeugdregie.regions.selectors import municipalities_worked_for
from jeugdregie.web.views import acting_user, apply_service_errors, requires


@requires(Capability.VIEW_YOUTH)
@require_http_methods(["GET", "HEAD", "POST"])
def youth_search(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    # The BSN is posted, never put in the URL (it would end up in logs and history).
    form = YouthSearchForm(request.POST if request.method == "POST" else None)
    results = None
    if form.is_bound and form.is_valid():
        results = selectors.youth_search(
            user=user, query=form.cleaned_data["q"], route=request.path
        )
    return render(
        request,
        "clients/youth_search.html",
        {
            "form": form,
            "results": results,
            "can_register": user_can(user, Capability.REGISTER_YOUTH),
        },
    )


@requires(Capability.VIEW_YOUTH)
@require_safe
def youth_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    youth = selectors.youth_detail(user=user, pk=pk, route=request.path)
    return render(
        request,
        "clients/youth_detail.html",
        {
            "youth": youth,
            "bsn": youth.bsn if user.role != Role.PROVIDER else mask_bsn(youth.bsn),
            "allocations": allocations_of_youth(user=user, youth_id=youth.pk),
            "referrals": youth.referrals.select_related("referrer_organisation"),
        },
    )


@requires(Capability.REGISTER_YOUTH)
@require_http_methods(["GET", "HEAD", "POST"])
def youth_create(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = YouthCreateForm(
        request.POST or None, municipalities=municipalities_worked_for(user=user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            youth = services.youth_create(actor=user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect("clients:youth-detail", pk=youth.pk)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Register a youth"),
            "submit": _("Register"),
        },
        status=400 if form.errors else 200,
    )
