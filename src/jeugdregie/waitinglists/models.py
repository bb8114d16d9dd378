# SPDX-License-Identifier: EUPL-1.2
from datetime import date
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.core.bsn import normalise_bsn
from jeugdregie.core.fields import BlindIndex, EncryptedTextField
from jeugdregie.waitinglists.constants import OutflowReason, WaitingSource

ENCRYPTED_FIELDS = (
    "submitted_bsn",
    "submitted_given_name",
    "submitted_family_name",
    "submitted_birth_date",
    "bridging_note",
    "outflow_note",
)
"""Personal data and free text that can hold health details: encrypted, and redacted in
the change log."""


class WaitingEntry(models.Model):
    """A youth waiting for care: per provider (or none, for the perceel-1 list), lot and product.

    The priority signals are computed on the day of viewing (``signals.py``); only the court
    ruling date, which no other model holds, is stored here (reported by GI staff). Every
    change is written to the audit change log (who, when, old and new values).

    A provider's report keeps the identity the provider submitted (BSN, name and birth date
    as typed, encrypted): the provider is shown that submission, never the youth record it
    is linked to. The youth is linked when the region knows a youth with that BSN; otherwise
    the entry has no youth (the region sees the submission only).
    """

    BLIND_INDEXES: ClassVar[tuple[BlindIndex, ...]] = (
        BlindIndex("submitted_bsn_index", "submitted_bsn", "bsn", normalise_bsn),
    )

    youth = models.ForeignKey(
        "clients.Youth",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="waiting_entries",
        verbose_name=_("youth"),
        help_text=_("Empty when a provider reported a BSN the region does not know."),
    )
    submitted_bsn = EncryptedTextField(_("BSN as submitted"), blank=True)
    # Keyed hash of the submitted BSN: duplicates of an unknown BSN, linking later.
    submitted_bsn_index = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    submitted_given_name = EncryptedTextField(_("given name as submitted"), blank=True)
    submitted_family_name = EncryptedTextField(_("family name as submitted"), blank=True)
    submitted_birth_date = EncryptedTextField(
        _("birth date as submitted"), blank=True, help_text=_("YYYY-MM-DD, encrypted.")
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
    bridging_note = EncryptedTextField(_("bridging care"), blank=True)
    outflow_date = models.DateField(_("outflow date"), null=True, blank=True)
    outflow_reason = models.CharField(
        _("outflow reason"), max_length=20, choices=OutflowReason.choices, blank=True
    )
    outflow_note = EncryptedTextField(_("outflow note"), blank=True)
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

    @property
    def has_submission(self) -> bool:
        """Whether the entry holds an identity submitted by a provider (or its JW315)."""
        return bool(self.submitted_bsn)

    @property
    def submitted_birth(self) -> date | None:
        text = self.submitted_birth_date
        return date.fromisoformat(text) if text else None
