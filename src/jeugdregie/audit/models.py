# SPDX-License-Identifier: EUPL-1.2
"""Append-only logs: every read of personal data and every change of important data."""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.audit.constants import AccessPurpose, ChangeAction


class AppendOnlyError(Exception):
    """Audit records cannot be changed or deleted."""


class AppendOnlyModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError("audit records are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("audit records are append-only")


class AccessRecord(AppendOnlyModel):
    """Who read which youth's personal data, when, in which role and for what."""

    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="access_records",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=30)
    youth = models.ForeignKey(
        "clients.Youth",
        on_delete=models.PROTECT,
        related_name="access_records",
        verbose_name=_("youth"),
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=AccessPurpose.choices)
    route = models.CharField(_("route"), max_length=200)

    class Meta:
        verbose_name = _("access record")
        verbose_name_plural = _("access records")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["youth", "at"]), models.Index(fields=["user", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.purpose} {self.youth_id}"


class ChangeRecord(AppendOnlyModel):
    """A change of master data or allocations: what changed, by whom, old and new values."""

    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="change_records",
        verbose_name=_("user"),
    )
    model = models.CharField(_("object type"), max_length=100)
    object_pk = models.CharField(_("object id"), max_length=50)
    object_repr = models.CharField(_("object"), max_length=200)
    action = models.CharField(_("action"), max_length=10, choices=ChangeAction.choices)
    changes = models.JSONField(_("changes"), default=dict)

    class Meta:
        verbose_name = _("change record")
        verbose_name_plural = _("change records")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["model", "object_pk"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.model} {self.object_pk}"
