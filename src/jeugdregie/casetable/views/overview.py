# SPDX-License-Identifier: EUPL-1.2
"""The afwegingskader overview (light contracts per year, cases per ground and outcome),
on screen and as a spreadsheet."""

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.http import require_safe

from jeugdregie.accounts.permissions import Capability
from jeugdregie.casetable import exports, selectors
from jeugdregie.web.views import acting_user, requires


@requires(Capability.VIEW_CASE_OVERVIEW)
@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    data = selectors.overview(user=user)
    return render(request, "casetable/overview.html", {"overview": data})


@requires(Capability.VIEW_CASE_OVERVIEW)
@require_safe
def overview_xlsx(request: HttpRequest) -> HttpResponseBase:
    data = selectors.overview(user=acting_user(request))
    return exports.overview_xlsx_response(request=request, data=data)
