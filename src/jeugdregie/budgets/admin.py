# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.http import HttpRequest

from jeugdregie.budgets.models import BudgetCeiling, BudgetCeilingChange
from jeugdregie.web.admin import RegionScopedAdmin


class ChangeInline(admin.TabularInline):  # type: ignore[type-arg]
    model = BudgetCeilingChange
    extra = 0
    can_delete = False
    readonly_fields = ["at", "user", "old_amount", "new_amount", "reason", "decision_reference"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(BudgetCeiling)
class BudgetCeilingAdmin(RegionScopedAdmin):
    """Read-only: ceilings change only through the ceiling screen, which keeps the history.
    A functional administrator sees the ceilings of its own region only."""

    region_lookup = "region"
    list_display = ["provider", "year", "lot", "amount", "basis"]
    list_filter = ["region", "year", "basis"]
    search_fields = ["provider__name", "provider__agb_code"]
    inlines = [ChangeInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
