# SPDX-License-Identifier: EUPL-1.2
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import user_can
from jeugdregie.audit.selectors import change_records_for, history_lines
from jeugdregie.budgets.selectors import ceilings_visible_to
from jeugdregie.contracting import selectors, services
from jeugdregie.contracting.forms import (
    ContractFilterForm,
    ProviderCreateForm,
    ProviderSearchForm,
    ProviderUpdateForm,
)
from jeugdregie.contracting.models import Provider
from jeugdregie.web.views import acting_user, apply_service_errors, paginate, requires


@requires(Capability.VIEW_PROVIDERS)
@require_safe
def provider_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = ProviderSearchForm(request.GET)
    query = form.data.get("q", "") if form.is_valid() else ""
    providers = selectors.provider_list(
        user=user, query=query, sort=request.GET.get("sorteer", "name")
    )
    return render(
        request,
        "contracting/provider_list.html",
        {
            "form": form,
            "page": paginate(request, providers),
            "query": query,
            "can_create": user_can(user, Capability.MANAGE_PROVIDERS),
        },
    )


@requires(Capability.VIEW_PROVIDERS)
@require_safe
def provider_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    provider = selectors.provider_detail(user=user, pk=pk)
    if provider is None:
        raise Http404
    return render(
        request,
        "contracting/provider_detail.html",
        {
            "provider": provider,
            "contracts": selectors.contracts_visible_to(user=user).filter(provider=provider),
            "ceilings": ceilings_visible_to(user=user).filter(provider=provider),
            "can_edit": user_can(user, Capability.MANAGE_PROVIDERS),
            "can_see_budget": user_can(user, Capability.VIEW_PROVIDER_BUDGETS),
            "history": history_lines(
                change_records_for(model="contracting.Provider", object_pk=str(provider.pk)),
                Provider,
            )
            if user_can(user, Capability.MANAGE_PROVIDERS)
            else [],
        },
    )


@requires(Capability.MANAGE_PROVIDERS)
@require_http_methods(["GET", "HEAD", "POST"])
def provider_create(request: HttpRequest) -> HttpResponse:
    form = ProviderCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            provider = services.provider_create(actor=acting_user(request), **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect("contracting:provider-detail", pk=provider.pk)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("New provider"),
            "submit": _("Save provider"),
        },
        status=400 if form.errors else 200,
    )


@requires(Capability.MANAGE_PROVIDERS)
@require_http_methods(["GET", "HEAD", "POST"])
def provider_update(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    provider = selectors.provider_detail(user=user, pk=pk)
    if provider is None:
        raise Http404
    initial = {"name": provider.name, "kvk_number": provider.kvk_number}
    form = ProviderUpdateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.provider_update(actor=user, provider=provider, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect("contracting:provider-detail", pk=provider.pk)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Change provider %(name)s") % {"name": provider.name},
            "submit": _("Save changes"),
        },
        status=400 if form.errors else 200,
    )


@requires(Capability.VIEW_CONTRACTS)
@require_safe
def contract_list(request: HttpRequest) -> HttpResponse:
    form = ContractFilterForm(request.GET)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    contracts = selectors.contract_list(
        user=acting_user(request), kind=data.get("soort", ""), query=data.get("q", "")
    )
    return render(
        request,
        "contracting/contract_list.html",
        {
            "form": form,
            "page": paginate(request, contracts),
        },
    )


@requires(Capability.VIEW_CATALOGUE)
@require_safe
def lot_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "contracting/lot_list.html",
        {
            "lots": selectors.lots_of_region(user=acting_user(request)),
        },
    )
