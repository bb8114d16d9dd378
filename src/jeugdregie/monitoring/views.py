# SPDX-License-Identifier: EUPL-1.2
import csv

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from jeugdregie.accounts.permissions import Capability
from jeugdregie.clients.constants import ReferrerType
from jeugdregie.core.views import acting_user, requires
from jeugdregie.monitoring.selectors import RegionStats, default_year, region_stats
from jeugdregie.regions.selectors import region_of


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
def region_figures_export(request: HttpRequest) -> HttpResponse:
    _form, stats = _stats(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="regiocijfers-{stats.region.code}-{stats.year}.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["onderdeel", "sleutel", "waarde"])
    for key, value in stats.as_json().items():
        if isinstance(value, dict):
            for sub, amount in value.items():
                writer.writerow([key, sub, amount])
        else:
            writer.writerow([key, "", value])
    return response
