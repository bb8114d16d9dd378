# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.contrib import admin
from django.db.models import Q, QuerySet

from jeugdregie.contracting.models import Contract, Lot, Product, ProductCategory, Provider, Tariff
from jeugdregie.web.admin import ChangeLoggedAdmin, SuperuserOnlyChangesMixin


@admin.register(Provider)
class ProviderAdmin(ChangeLoggedAdmin):
    list_display = ["name", "agb_code", "kvk_number"]
    search_fields = ["name", "agb_code", "kvk_number"]

    def scope_to_region(self, queryset: QuerySet[Any], region_id: int) -> QuerySet[Any]:
        """Providers work in several regions: an administrator keeps up those with a
        contract, ceiling or organisation in its region, and new ones not used anywhere."""
        related = Provider.objects.filter(
            Q(contracts__region_id=region_id)
            | Q(ceilings__region_id=region_id)
            | Q(organisations__region_id=region_id)
            | Q(contracts__isnull=True, ceilings__isnull=True, organisations__isnull=True)
        ).values("pk")
        return queryset.filter(pk__in=related)


@admin.register(Lot)
class LotAdmin(ChangeLoggedAdmin):
    list_display = ["name", "code", "region", "is_open", "segment"]
    list_filter = ["region", "is_open"]
    region_lookup = "region"


@admin.register(ProductCategory)
class ProductCategoryAdmin(SuperuserOnlyChangesMixin, ChangeLoggedAdmin):
    """The national JZ020 code list: the same for every region, kept up by a superuser."""

    list_display = ["code", "name"]


class TariffInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Tariff
    extra = 0


@admin.register(Product)
class ProductAdmin(ChangeLoggedAdmin):
    list_display = ["code", "name", "lot", "category", "unit", "variant", "basic_duration_weeks"]
    list_filter = ["region", "lot", "variant"]
    search_fields = ["code", "name"]
    inlines = [TariffInline]
    region_lookup = "region"


@admin.register(Contract)
class ContractAdmin(ChangeLoggedAdmin):
    list_display = ["reference", "provider", "kind", "start", "end"]
    list_filter = ["region", "kind"]
    search_fields = ["reference", "provider__name", "provider__agb_code"]
    autocomplete_fields = ["provider"]
    filter_horizontal = ["lots"]
    region_lookup = "region"
