# SPDX-License-Identifier: EUPL-1.2
"""Admin base classes.

- ``RegionScopedAdmin``: a user who is not a superuser (the functional administrator) sees,
  opens, changes and chooses only rows of its own region; another region's row is "not
  found", and a foreign key or many-to-many field offers only rows the user could open in
  their own admin page (so a POST naming another region's row is refused by the form).
- ``ChangeLoggedAdmin``: every change made in the admin, inline rows included, is written to
  the change log.
"""

from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms import BaseModelFormSet, ModelForm
from django.http import HttpRequest

from jeugdregie.accounts.models import User
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot


def acting_user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def is_superuser(request: HttpRequest) -> bool:
    user = acting_user(request)
    return user is not None and user.is_active and user.is_superuser


def acting_region_id(request: HttpRequest) -> int | None:
    """The region of the acting user's organisation (None: no organisation, no region)."""
    user = acting_user(request)
    if user is None or user.organisation is None:
        return None
    return user.organisation.region_id


class RegionScopedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    region_lookup: str | None = None
    """Lookup from the model to its region (``"region"``, ``"organisation__region"``);
    None: the model is not bound to a region (override ``scope_to_region`` if it is
    bound in another way)."""

    def scope_to_region(self, queryset: QuerySet[Any], region_id: int) -> QuerySet[Any]:
        if self.region_lookup is None:
            return queryset
        return queryset.filter(**{self.region_lookup: region_id})

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if is_superuser(request):
            return queryset
        region_id = acting_region_id(request)
        if region_id is None:
            return queryset.none()
        return self.scope_to_region(queryset, region_id)

    def _choices(self, model: Any, request: HttpRequest) -> QuerySet[Any] | None:
        related_admin = self.admin_site._registry.get(model)
        if is_superuser(request) or not isinstance(related_admin, RegionScopedAdmin):
            return None
        return related_admin.get_queryset(request)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        choices = self._choices(db_field.related_model, request)
        if choices is not None and "queryset" not in kwargs:
            kwargs["queryset"] = choices
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        choices = self._choices(db_field.related_model, request)
        if choices is not None and "queryset" not in kwargs:
            kwargs["queryset"] = choices
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class SuperuserOnlyChangesMixin:
    """Everyone with the view permission may look; only a superuser adds, changes or
    deletes (national code lists, a new region, groups of permissions)."""

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return is_superuser(request) and super().has_add_permission(request, *args)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_superuser(request) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_superuser(request) and super().has_delete_permission(request, obj)  # type: ignore[misc]


class ChangeLoggedAdmin(RegionScopedAdmin):
    def save_model(
        self, request: HttpRequest, obj: models.Model, form: "ModelForm[Any]", change: bool
    ) -> None:
        before = snapshot(type(obj)._default_manager.get(pk=obj.pk)) if change and obj.pk else None
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            change_record_create(
                user=acting_user(request),
                instance=obj,
                action=ChangeAction.UPDATE if change else ChangeAction.CREATE,
                before=before,
            )

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        with transaction.atomic():
            before = snapshot(obj)
            change_record_create(
                user=acting_user(request), instance=obj, action=ChangeAction.DELETE, before=before
            )
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            self.delete_model(request, obj)

    def save_formset(
        self,
        request: HttpRequest,
        form: "ModelForm[Any]",
        formset: "BaseModelFormSet[Any, Any]",
        change: bool,
    ) -> None:
        """Inline rows (a product's tariffs) are logged like the object they belong to."""
        user = acting_user(request)
        with transaction.atomic():
            instances = formset.save(commit=False)
            for obj in formset.deleted_objects:
                change_record_create(
                    user=user, instance=obj, action=ChangeAction.DELETE, before=snapshot(obj)
                )
                obj.delete()
            for obj in instances:
                manager = type(obj)._default_manager
                before = snapshot(manager.get(pk=obj.pk)) if obj.pk else None
                obj.save()
                change_record_create(
                    user=user,
                    instance=obj,
                    action=ChangeAction.UPDATE if before is not None else ChangeAction.CREATE,
                    before=before,
                )
            formset.save_m2m()
