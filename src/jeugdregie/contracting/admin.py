# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from jeugdregie.contracting.models import Contract, Lot, Product, ProductCategory, Provider, Tariff
from jeugdregie.core.admin import ChangeLoggedAdmin


@admin.register(Provider)
class ProviderAdmin(ChangeLoggedAdmin):
    list_display = ["name", "agb_code", "kvk_number"]
    search_fields = ["name", "agb_code", "kvk_number"]


@admin.register(Lot)
class LotAdmin(ChangeLoggedAdmin):
    list_display = ["name", "code", "region", "is_open", "segment"]
    list_filter = ["region", "is_open"]


@admin.register(ProductCategory)
class ProductCategoryAdmin(ChangeLoggedAdmin):
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


@admin.register(Contract)
class ContractAdmin(ChangeLoggedAdmin):
    list_display = ["reference", "provider", "kind", "start", "end"]
    list_filter = ["region", "kind"]
    search_fields = ["reference", "provider__name", "provider__agb_code"]
    autocomplete_fields = ["provider"]
    filter_horizontal = ["lots"]
