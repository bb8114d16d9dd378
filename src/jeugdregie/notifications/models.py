# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.core.fields import EncryptedTextField


class Notification(models.Model):
    """An in-app message for one user (email may follow later).

    The text is stored as written at the time, in Dutch, so it stays what the user was told.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    subject = models.CharField(_("subject"), max_length=200)
    # The text can quote a reason or motivation (a client stop's, a nee-tenzij decision's):
    # encrypted at rest like the fields it quotes.
    text = EncryptedTextField(_("text"))
    link = models.CharField(_("link"), max_length=200, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.subject
