# SPDX-License-Identifier: EUPL-1.2
"""Admin base: every change made in the admin is written to the change log."""

from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.forms import ModelForm
from django.http import HttpRequest

from jeugdregie.accounts.models import User
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot


class ChangeLoggedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def save_model(
        self, request: HttpRequest, obj: models.Model, form: "ModelForm[Any]", change: bool
    ) -> None:
        before = snapshot(type(obj)._default_manager.get(pk=obj.pk)) if change and obj.pk else None
        user = request.user if isinstance(request.user, User) else None
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            change_record_create(
                user=user,
                instance=obj,
                action=ChangeAction.UPDATE if change else ChangeAction.CREATE,
                before=before,
            )

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        user = request.user if isinstance(request.user, User) else None
        with transaction.atomic():
            before = snapshot(obj)
            change_record_create(user=user, instance=obj, action=ChangeAction.DELETE, before=before)
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            self.delete_model(request, obj)
