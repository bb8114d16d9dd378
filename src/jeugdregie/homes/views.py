# SPDX-License-Identifier: EUPL-1.2
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from jeugdregie.accounts.permissions import Capability
from jeugdregie.homes.selectors import home_summary, home_worklist
from jeugdregie.homes.setup import region_setup
from jeugdregie.web.views import acting_user, requires


@requires()
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    return render(
        request,
        "accounts/home.html",
        {"summary": home_summary(user=user), "worklist": home_worklist(user=user)},
    )


@requires(Capability.VIEW_REGION_SETUP)
@require_safe
def region_setup_page(request: HttpRequest) -> HttpResponse:
    """The functional administrator's first-run page: the region's installation, step by step."""
    steps = region_setup(user=acting_user(request), today=timezone.localdate())
    return render(
        request,
        "homes/region_setup.html",
        {"steps": steps, "done": sum(step.done for step in steps)},
    )
