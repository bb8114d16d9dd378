# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from jeugdregie.regions.models import Municipality, Region
from jeugdregie.web.admin import ChangeLoggedAdmin, is_superuser


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

    def scope_to_region(self, queryset: QuerySet[Any], region_id: int) -> QuerySet[Any]:
        return queryset.filter(pk=region_id)

    def has_add_permission(self, request: HttpRequest) -> bool:
        """A region is added or removed by a superuser; its administrator keeps it up."""
        return is_superuser(request) and super().has_add_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_superuser(request) and super().has_delete_permission(request, obj)


@admin.register(Municipality)
class MunicipalityAdmin(ChangeLoggedAdmin):
    list_display = ["cbs_code", "name", "region", "youth_population"]
    list_filter = ["region"]
    search_fields = ["cbs_code", "name"]
    region_lookup = "region"
