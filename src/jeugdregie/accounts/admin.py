# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from jeugdregie.accounts.models import Organisation, User
from jeugdregie.core.admin import ChangeLoggedAdmin


@admin.register(Organisation)
class OrganisationAdmin(ChangeLoggedAdmin):
    list_display = ["name", "kind", "region", "municipality", "provider"]
    list_filter = ["kind", "region"]
    search_fields = ["name"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):  # type: ignore[type-arg]
    list_display = ["username", "first_name", "last_name", "role", "organisation", "is_active"]
    list_filter = ["role", "organisation__region", "is_active"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,  # type: ignore[misc]
        (_("Role in jeugdregie"), {"fields": ("organisation", "role")}),
    )
