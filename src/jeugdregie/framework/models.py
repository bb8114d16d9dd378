# SPDX-License-Identifier: EUPL-1.2
"""Receipts: one append-only record per evaluation, enough to reproduce it years later."""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.audit.models import AppendOnlyError, AppendOnlyModel
from jeugdregie.core.fields import EncryptedJSONField
from jeugdregie.framework.constants import Outcome


class ReceiptQuerySet(models.QuerySet["EvaluationReceipt"]):
    """Bulk changes are refused as well: receipts are only ever added."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("evaluation receipts are append-only")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("evaluation receipts are append-only")

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("evaluation receipts are append-only")

    def update_or_create(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("evaluation receipts are append-only")


class EvaluationReceipt(AppendOnlyModel):
    """What was evaluated, under which exact rules and engine, with which result."""

    ruleset_id = models.CharField(_("rule set"), max_length=50)
    version = models.CharField(_("version"), max_length=20)
    content_hash = models.CharField(_("content hash of the rule set file"), max_length=64)
    # The SHA-256 of the exact bytes of the rule set file in the policy tree (sha256sum of
    # the file). Empty on receipts made before it was recorded whose file could not be
    # shown to be the one they were evaluated under (migration 0003).
    file_sha256 = models.CharField(
        _("SHA-256 of the rule set file"), max_length=64, blank=True, default=""
    )
    engine_version = models.CharField(_("engine version"), max_length=20)
    case_id = models.CharField(_("case"), max_length=100)
    request_date = models.DateField(_("request date"), null=True, blank=True)
    # The case file and the result name a youth's situation (birth date, motivations):
    # encrypted at rest like all personal data.
    inputs = EncryptedJSONField(_("inputs"))
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices)
    result = EncryptedJSONField(_("result"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluation_receipts",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ReceiptQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation receipt")
        verbose_name_plural = _("evaluation receipts")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["case_id", "id"])]

    def __str__(self) -> str:
        return f"{self.case_id} {self.version} {self.outcome}"
