# SPDX-License-Identifier: EUPL-1.2
"""Users and organisations in the admin (/beheer/).

A superuser manages everything. Anyone else with admin access (the functional
administrator) manages the users and organisations of its own region only, and cannot:
make anyone staff or superuser, change groups or permissions, change its own role or
organisation, set another user's password, or see superuser accounts. These rules are
enforced on the server: a POST carrying such a field is refused, not silently ignored.
Every change to a user is in the change log with who made it.
"""

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin as BaseTOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdregie.accounts.models import Organisation, User
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.authentication.services import (
    user_change_record,
    user_permissions_snapshot,
    user_second_factor_reset,
    user_snapshot,
)
from jeugdregie.web.admin import (
    ChangeLoggedAdmin,
    RegionScopedAdmin,
    SuperuserOnlyChangesMixin,
    acting_user,
    is_superuser,
)

SUPERUSER_ONLY_FIELDS = ("is_superuser", "is_staff", "groups", "user_permissions", "password")
"""Fields only a superuser may send; ``password`` is the hash (passwords are set on their
own page, which a non-superuser may open for its own account only)."""
OWN_ACCOUNT_FIELDS = ("role", "organisation")
"""Fields nobody but a superuser changes on its own account."""


@admin.register(Organisation)
class OrganisationAdmin(ChangeLoggedAdmin):
    list_display = ["name", "code", "kind", "region", "municipality", "provider"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "code"]
    region_lookup = "region"


@admin.register(User)
class UserAdmin(RegionScopedAdmin, BaseUserAdmin):  # type: ignore[type-arg]
    list_display = ["username", "first_name", "last_name", "role", "organisation", "is_active"]
    list_filter = ["role", "organisation__region", "is_active"]
    region_lookup = "organisation__region"
    readonly_fields = ("last_login", "date_joined")
    actions = ["reset_second_factor"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,  # type: ignore[misc]
        (_("Role in jeugdregie"), {"fields": ("organisation", "role")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Role in jeugdregie"), {"fields": ("organisation", "role")}),
    )

    # -- what a non-superuser may see and send ------------------------------------------

    def scope_to_region(self, queryset: QuerySet[Any], region_id: int) -> QuerySet[Any]:
        return super().scope_to_region(queryset, region_id).exclude(is_superuser=True)

    def forbidden_fields(self, request: HttpRequest, obj: User | None) -> tuple[str, ...]:
        if is_superuser(request):
            return ()
        own = obj is not None and obj.pk == getattr(acting_user(request), "pk", None)
        return SUPERUSER_ONLY_FIELDS + (OWN_ACCOUNT_FIELDS if own else ())

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = super().get_fieldsets(request, obj)
        hidden = set(self.forbidden_fields(request, obj)) - set(OWN_ACCOUNT_FIELDS)
        if obj is not None and obj.pk == getattr(acting_user(request), "pk", None):
            hidden.discard("password")  # the link to the page that sets one's own password
        if not hidden:
            return fieldsets
        kept = []
        for name, options in fieldsets:
            fields = [field for field in options["fields"] if field not in hidden]
            if fields:
                kept.append((name, {**options, "fields": fields}))
        return kept

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        readonly = list(super().get_readonly_fields(request, obj))
        own_fields = set(self.forbidden_fields(request, obj)) & set(OWN_ACCOUNT_FIELDS)
        return readonly + [field for field in OWN_ACCOUNT_FIELDS if field in own_fields]

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id)) if object_id else None
            sent = set(request.POST) & set(self.forbidden_fields(request, obj))
            if sent:
                raise PermissionDenied(", ".join(sorted(sent)))
        return super().changeform_view(request, object_id, form_url, extra_context)

    def user_change_password(
        self,
        request: HttpRequest,
        id: str,  # noqa: A002 - the URL pattern's name
        form_url: str = "",
    ) -> HttpResponse:
        """Only a superuser sets another user's password; anyone may set its own."""
        user = self.get_object(request, unquote(id))
        acting = acting_user(request)
        others = user is not None and (acting is None or user.pk != acting.pk)
        if others and not is_superuser(request):
            raise PermissionDenied
        if user is None or request.method != "POST":
            return super().user_change_password(request, id, form_url)
        before = user_snapshot(user)
        old_hash = user.password
        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            user.refresh_from_db()
            if user.password != old_hash:
                user_change_record(
                    actor=acting,
                    user=user,
                    action=ChangeAction.UPDATE,
                    before=before,
                    password_changed=user.has_usable_password(),
                )
        return response

    # -- the change log -----------------------------------------------------------------

    def save_model(
        self, request: HttpRequest, obj: User, form: "ModelForm[Any]", change: bool
    ) -> None:
        stored = User.objects.get(pk=obj.pk) if change and obj.pk else None
        before = user_snapshot(stored) if stored is not None else None
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            user_change_record(
                actor=acting_user(request),
                user=obj,
                action=ChangeAction.UPDATE if change else ChangeAction.CREATE,
                before=before,
                password_changed=stored is not None and stored.password != obj.password,
            )

    def save_related(
        self, request: HttpRequest, form: "ModelForm[Any]", formsets: Any, change: bool
    ) -> None:
        user = form.instance
        before = user_permissions_snapshot(user)
        super().save_related(request, form, formsets, change)
        after = user_permissions_snapshot(user)
        if after != before:
            user_change_record(
                actor=acting_user(request),
                user=user,
                action=ChangeAction.UPDATE,
                before=before,
                after=after,
            )

    def delete_model(self, request: HttpRequest, obj: User) -> None:
        with transaction.atomic():
            user_change_record(
                actor=acting_user(request),
                user=obj,
                action=ChangeAction.DELETE,
                before={**user_snapshot(obj), **user_permissions_snapshot(obj)},
            )
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            self.delete_model(request, obj)

    # -- second factor ------------------------------------------------------------------

    @admin.action(
        description=_("Reset the second factor (the user sets up the app again)"),
        permissions=["change"],
    )
    def reset_second_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        """Phone lost or replaced: the devices go, the next sign-in sets up a new app. Only
        users this administrator may see (its own region; never a superuser)."""
        actor = acting_user(request)
        count = sum(1 for user in queryset if user_second_factor_reset(actor=actor, user=user))
        self.message_user(
            request,
            _("Second factor reset for %(count)s user(s).") % {"count": count},
        )


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(SuperuserOnlyChangesMixin, BaseGroupAdmin):
    """A group carries permissions: only a superuser composes or hands them out."""


if admin.site.is_registered(TOTPDevice):  # django-otp's own admin, when it loaded first
    admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(SuperuserOnlyChangesMixin, BaseTOTPDeviceAdmin):
    """Authenticator-app devices: the keys are never shown (``OTP_ADMIN_HIDE_SENSITIVE_DATA``)
    and only a superuser changes devices; a functional administrator resets a user's second
    factor with the action on the user list, for the users of its own region."""

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_superuser(request)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_superuser(request)
