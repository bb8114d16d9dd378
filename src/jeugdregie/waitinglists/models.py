# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.waitinglists.constants import OutflowReason, WaitingSource


class WaitingEntry(models.Model):
    """A youth waiting for care: per provider (or none, for the perceel-1 list), lot and product.

    The priority signals are computed on the day of viewing (``signals.py``); only the court
    ruling date, which no other model holds, is stored here (reported by GI staff). Every
    change is written to the audit change log (who, when, old and new values).
    """

    youth = models.ForeignKey(
        "clients.Youth",
        on_delete=models.PROTECT,
        related_name="waiting_entries",
        verbose_name=_("youth"),
    )
    referral = models.ForeignKey(
        "clients.Referral",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="waiting_entries",
        verbose_name=_("referral"),
    )
    provider = models.ForeignKey(
        "contracting.Provider",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="waiting_entries",
        verbose_name=_("provider"),
        help_text=_("Empty on the perceel-1 waiting list."),
    )
    lot = models.ForeignKey(
        "contracting.Lot",
        on_delete=models.PROTECT,
        related_name="waiting_entries",
        verbose_name=_("lot"),
    )
    product = models.ForeignKey(
        "contracting.Product",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="waiting_entries",
        verbose_name=_("product"),
    )
    waiting_since = models.DateField(_("waiting since"))
    source = models.CharField(_("source"), max_length=20, choices=WaitingSource.choices)
    allocation = models.ForeignKey(
        "allocations.Allocation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="waiting_entries",
        verbose_name=_("allocation"),
    )
    allocation_request = models.ForeignKey(
        "messaging.AllocationRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="waiting_entries",
        verbose_name=_("request for allocation"),
    )
    # A plain number, not a foreign key: the trajectories app is optional for this one.
    trajectory_id = models.PositiveIntegerField(_("trajectory"), null=True, blank=True)
    court_ruling_date = models.DateField(
        _("date of the court ruling"),
        null=True,
        blank=True,
        help_text=_("For GI cases: reported by the certified institution."),
    )
    bridging_provider = models.ForeignKey(
        "contracting.Provider",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bridging care: provider"),
    )
    bridging_product = models.ForeignKey(
        "contracting.Product",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bridging care: product"),
    )
    bridging_note = models.CharField(_("bridging care"), max_length=500, blank=True)
    outflow_date = models.DateField(_("outflow date"), null=True, blank=True)
    outflow_reason = models.CharField(
        _("outflow reason"), max_length=20, choices=OutflowReason.choices, blank=True
    )
    outflow_note = models.CharField(_("outflow note"), max_length=500, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        # A named relation, so removing demo users removes their demo entries first.
        related_name="reported_waiting_entries",
        verbose_name=_("reported by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("waiting-list entry")
        verbose_name_plural = _("waiting-list entries")
        ordering = ["waiting_since", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outflow_date__isnull=True)
                | models.Q(outflow_date__gte=models.F("waiting_since")),
                name="waiting_outflow_after_since",
            ),
            models.CheckConstraint(
                condition=models.Q(outflow_date__isnull=True, outflow_reason="")
                | (models.Q(outflow_date__isnull=False) & ~models.Q(outflow_reason="")),
                name="waiting_outflow_has_reason",
            ),
            models.UniqueConstraint(
                fields=["allocation"],
                condition=models.Q(allocation__isnull=False),
                name="waiting_one_entry_per_allocation",
            ),
            models.UniqueConstraint(
                fields=["allocation_request"],
                condition=models.Q(allocation_request__isnull=False),
                name="waiting_one_entry_per_request",
            ),
        ]
        indexes = [
            models.Index(fields=["lot", "waiting_since"]),
            models.Index(fields=["provider", "waiting_since"]),
            models.Index(fields=["outflow_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.lot.code} {self.waiting_since}"

    @property
    def is_open(self) -> bool:
        return self.outflow_date is None
