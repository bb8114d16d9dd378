# SPDX-License-Identifier: EUPL-1.2
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import user_can
from jeugdregie.regions import services
from jeugdregie.regions.forms import MunicipalityForm
from jeugdregie.regions.selectors import municipalities_of_region, region_of
from jeugdregie.web.views import acting_user, apply_service_errors, requires


@requires(Capability.VIEW_CATALOGUE)
@require_safe
def municipality_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    return render(
        request,
        "regions/municipality_list.html",
        {
            "region": region_of(user=user),
            "municipalities": municipalities_of_region(user=user),
            "can_create": user_can(user, Capability.MANAGE_MUNICIPALITIES),
        },
    )


@requires(Capability.MANAGE_MUNICIPALITIES)
@require_http_methods(["GET", "HEAD", "POST"])
def municipality_create(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    region = region_of(user=user)
    if region is None:
        raise Http404
    form = MunicipalityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.municipality_create(actor=user, region=region, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect("regions:municipality-list")
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("New municipality"),
            "submit": _("Save municipality"),
        },
        status=400 if form.errors else 200,
    )
