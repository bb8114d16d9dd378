# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from jeugdregie.core.admin import ChangeLoggedAdmin
from jeugdregie.regions.models import Municipality, Region


@admin.register(Region)
class RegionAdmin(ChangeLoggedAdmin):
    list_display = [
        "code",
        "name",
        "ceiling_fixed_in_year",
        "status_warning_pct",
        "status_critical_pct",
        "status_exhausted_pct",
    ]
    search_fields = ["code", "name"]


@admin.register(Municipality)
class MunicipalityAdmin(ChangeLoggedAdmin):
    list_display = ["cbs_code", "name", "region", "youth_population"]
    list_filter = ["region"]
    search_fields = ["cbs_code", "name"]
