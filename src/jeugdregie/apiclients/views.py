# SPDX-License-Identifier: EUPL-1.2
"""The screen of the functional administrator and contract management: API clients of the
region's organisations, registering one (the token is shown once) and revoking one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from jeugdregie.accounts.permissions import Capability
from jeugdregie.apiclients import selectors
from jeugdregie.apiclients.forms import ApiClientRegisterForm
from jeugdregie.apiclients.services import api_client_create, api_client_revoke, end_of_day
from jeugdregie.web.views import acting_user, apply_service_errors, paginate, requires


@requires(Capability.MANAGE_API_CLIENTS)
@require_safe
def client_list(request: HttpRequest) -> HttpResponse:
    clients = selectors.api_clients_visible_to(user=acting_user(request))
    return render(request, "apiclients/client_list.html", {"page": paginate(request, clients)})


@requires(Capability.MANAGE_API_CLIENTS)
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def client_register(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = ApiClientRegisterForm(
        request.POST or None, organisations=selectors.organisations_for_api_clients(user=user)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = api_client_create(
                actor=user,
                organisation=data["organisation"],
                name=data["name"],
                scopes=data["scopes"],
                expires_at=end_of_day(data["expires_on"]) if data["expires_on"] else None,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            # The token is in this one answer and nowhere else (no redirect, no session).
            return render(
                request,
                "apiclients/client_registered.html",
                {"client": registration.client, "token": registration.token},
            )
    context = {
        "form": form,
        "title": _("Register an API client"),
        "submit": _("Register and show the token"),
    }
    return render(request, "core/form_page.html", context, status=400 if form.errors else 200)


@requires(Capability.MANAGE_API_CLIENTS)
@require_POST
def client_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    client = get_object_or_404(selectors.api_clients_visible_to(user=user), pk=pk)
    try:
        api_client_revoke(actor=user, client=client)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The API client %(name)s has been revoked; its token no longer works.")
            % {"name": client.name},
        )
    return redirect("apiclients:client-list")
