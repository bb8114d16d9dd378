# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from jeugdregie.accounts.permissions import Capability
from jeugdregie.clients.constants import ReferrerType
from jeugdregie.core.dates import default_year
from jeugdregie.monitoring.selectors import RegionStats, region_stats
from jeugdregie.regions.selectors import region_of
from jeugdregie.web.exports import csv_response
from jeugdregie.web.views import acting_user, requires


class YearForm(forms.Form):
    jaar = forms.IntegerField(label=_("Year"), required=False, min_value=2015, max_value=2100)


def _stats(request: HttpRequest) -> tuple[YearForm, RegionStats]:
    region = region_of(user=acting_user(request))
    if region is None:
        raise Http404
    form = YearForm(request.GET)
    year = (form.cleaned_data.get("jaar") if form.is_valid() else None) or default_year()
    return form, region_stats(region=region, year=year)


@requires(Capability.VIEW_STATISTICS)
@require_safe
def region_figures(request: HttpRequest) -> HttpResponse:
    form, stats = _stats(request)
    referrers = dict(ReferrerType.choices)
    referrer_rows = [
        (
            code,
            referrers.get(code, code),
            stats.referrer_share_clients.get(code),
            stats.referrer_share_cost.get(code),
        )
        for code in sorted(set(stats.referrer_share_clients) | set(stats.referrer_share_cost))
    ]
    return render(
        request,
        "monitoring/region_stats.html",
        {
            "form": form,
            "stats": stats,
            "referrer_rows": referrer_rows,
        },
    )


@requires(Capability.VIEW_STATISTICS)
@require_safe
def region_figures_export(request: HttpRequest) -> HttpResponseBase:
    _form, stats = _stats(request)
    return csv_response(
        request=request,
        filename=f"regiocijfers-{stats.region.code}-{stats.year}.csv",
        header=[_("Figure"), _("Breakdown"), _("Value")],
        rows=stats.export_rows(),
    )
