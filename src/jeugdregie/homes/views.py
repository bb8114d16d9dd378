# SPDX-License-Identifier: EUPL-1.2
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from jeugdregie.homes.selectors import home_summary, home_worklist
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
