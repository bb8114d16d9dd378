# SPDX-License-Identifier: EUPL-1.2
"""A registered API client: software of one organisation that calls the API with a token."""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.apiclients.constants import Scope


class ApiClient(models.Model):
    """Acts as its own service user of ``organisation``; only a hash of the token is stored."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="api_clients",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=100)
    service_user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="api_client",
        verbose_name=_("service user"),
    )
    prefix = models.CharField(_("token prefix"), max_length=16, unique=True)
    secret_hash = models.CharField(_("token hash"), max_length=64)
    scopes = models.JSONField(_("scopes"), default=list)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    class Meta:
        verbose_name = _("API client")
        verbose_name_plural = _("API clients")
        ordering = ["organisation__name", "name", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    def scope_labels(self) -> list[str]:
        """Each scope by its label, with the name the software asks for it by."""
        labels = dict(Scope.choices)
        return [f"{labels[scope]} ({scope})" if scope in labels else scope for scope in self.scopes]

    def is_usable_at(self, moment: datetime) -> bool:
        """Not revoked and not expired at ``moment``."""
        if self.revoked_at is not None:
            return False
        return self.expires_at is None or moment < self.expires_at
