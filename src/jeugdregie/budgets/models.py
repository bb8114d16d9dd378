# SPDX-License-Identifier: EUPL-1.2
from datetime import date
from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.budgets.constants import (
    BudgetStatus,
    CeilingBasis,
    ClientStopStatus,
    ExceptionStatus,
    RealisationSource,
)
from jeugdregie.core.bsn import normalise_bsn
from jeugdregie.core.fields import BlindIndex, EncryptedTextField


class BudgetCeiling(models.Model):
    """The budget ceiling of a provider for a year, optionally for one lot."""

    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="ceilings",
        verbose_name=_("region"),
    )
    provider = models.ForeignKey(
        "contracting.Provider",
        on_delete=models.PROTECT,
        related_name="ceilings",
        verbose_name=_("provider"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    lot = models.ForeignKey(
        "contracting.Lot",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ceilings",
        verbose_name=_("lot"),
    )
    amount = models.DecimalField(
        _("amount (EUR)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    basis = models.CharField(_("basis"), max_length=20, choices=CeilingBasis.choices)

    class Meta:
        verbose_name = _("budget ceiling")
        verbose_name_plural = _("budget ceilings")
        ordering = ["-year", "provider__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "provider", "year", "lot"],
                name="ceiling_unique_per_provider_year_lot",
            ),
            models.UniqueConstraint(
                fields=["region", "provider", "year"],
                condition=models.Q(lot__isnull=True),
                name="ceiling_unique_per_provider_year_without_lot",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="ceiling_amount_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider.name} {self.year}: € {self.amount}"


class BudgetCeilingChange(models.Model):
    """History of a ceiling: every amount it had, with who, why and on what decision."""

    ceiling = models.ForeignKey(
        BudgetCeiling,
        on_delete=models.CASCADE,
        related_name="changes",
        verbose_name=_("budget ceiling"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("user"),
    )
    old_amount = models.DecimalField(
        _("old amount"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    new_amount = models.DecimalField(_("new amount"), max_digits=12, decimal_places=2)
    reason = models.TextField(_("reason"))
    decision_reference = models.CharField(_("decision reference"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("ceiling change")
        verbose_name_plural = _("ceiling changes")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.ceiling_id}: {self.old_amount} → {self.new_amount}"


class Realisation(models.Model):
    """Realised spend of a provider in one service month (budgets.md §2: ``R``).

    Either imported per provider and month from a previous system, or one approved
    declaration line (JW323), which then carries its line reference and allocation.
    A credit subtracts its amount.
    """

    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="realisations",
        verbose_name=_("region"),
    )
    provider = models.ForeignKey(
        "contracting.Provider",
        on_delete=models.PROTECT,
        related_name="realisations",
        verbose_name=_("provider"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(
        _("month"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    amount = models.DecimalField(
        _("amount (EUR)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    is_credit = models.BooleanField(_("credit"), default=False)
    source = models.CharField(_("source"), max_length=20, choices=RealisationSource.choices)
    reference = models.CharField(
        _("reference"),
        max_length=64,
        blank=True,
        help_text=_("The declaration line this amount comes from, if any."),
    )
    allocation = models.ForeignKey(
        "allocations.Allocation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="realisations",
        verbose_name=_("allocation"),
    )
    booked_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("booked by"),
    )

    class Meta:
        verbose_name = _("realisation")
        verbose_name_plural = _("realisations")
        ordering = ["year", "month", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "reference"],
                condition=~models.Q(reference=""),
                name="realisation_reference_unique_per_region",
            ),
            models.CheckConstraint(
                condition=models.Q(month__gte=1) & models.Q(month__lte=12),
                name="realisation_month_1_to_12",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="realisation_amount_not_negative"
            ),
        ]
        indexes = [models.Index(fields=["region", "provider", "year", "month"])]

    def __str__(self) -> str:
        sign = "-" if self.is_credit else ""
        return f"{self.provider_id} {self.year}-{self.month:02d}: {sign}{self.amount}"

    @property
    def signed_amount(self) -> Decimal:
        return -self.amount if self.is_credit else self.amount


class ProviderLedger(models.Model):
    """The stored budget ledger of a provider in a region and year.

    Kept up to date by the services (every allocation change and every realisation booked)
    as of the date ``as_of``; ``budget_recompute`` rebuilds it from scratch with the same
    numbers. See ``budgets/ledger.py`` for the reference-date rule.
    """

    region = models.ForeignKey(
        "regions.Region", on_delete=models.CASCADE, related_name="+", verbose_name=_("region")
    )
    provider = models.ForeignKey(
        "contracting.Provider",
        on_delete=models.CASCADE,
        related_name="ledgers",
        verbose_name=_("provider"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    as_of = models.DateField(_("as of"))
    ceiling = models.DecimalField(
        _("ceiling (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    realisation = models.DecimalField(_("realisation (EUR)"), max_digits=14, decimal_places=2)
    commitment = models.DecimalField(_("commitment (EUR)"), max_digits=14, decimal_places=2)
    inflow = models.DecimalField(
        _("new inflow of the last three complete months (EUR)"),
        max_digits=14,
        decimal_places=2,
    )
    status = models.CharField(_("status"), max_length=20, choices=BudgetStatus.choices)

    class Meta:
        verbose_name = _("provider ledger")
        verbose_name_plural = _("provider ledgers")
        ordering = ["region", "year", "provider"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "provider", "year"], name="ledger_unique_per_provider_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.provider_id} {self.year} ({self.as_of})"


class AllocationCommitment(models.Model):
    """One allocation's share of a ledger: its commitment and its new-inflow cost in a year."""

    allocation = models.ForeignKey(
        "allocations.Allocation",
        on_delete=models.CASCADE,
        related_name="commitments",
        verbose_name=_("allocation"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    as_of = models.DateField(_("as of"))
    commitment = models.DecimalField(_("commitment (EUR)"), max_digits=14, decimal_places=2)
    inflow = models.DecimalField(_("new inflow (EUR)"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("allocation commitment")
        verbose_name_plural = _("allocation commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["allocation", "year"], name="commitment_unique_per_allocation_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.allocation_id} {self.year}: {self.commitment}"


class RequestDecision(models.Model):
    """Who asked for something, and who decided on it, when and why."""

    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    # Reasons and explanations can name a youth's situation: encrypted at rest.
    decision_reason = EncryptedTextField(_("reason of the decision"), blank=True)

    class Meta:
        abstract = True


class ClientStop(RequestDecision):
    """A client stop (cliëntenstop): from ``start`` no new inflow at the provider."""

    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="client_stops",
        verbose_name=_("region"),
    )
    provider = models.ForeignKey(
        "contracting.Provider",
        on_delete=models.PROTECT,
        related_name="client_stops",
        verbose_name=_("provider"),
    )
    status = models.CharField(_("status"), max_length=20, choices=ClientStopStatus.choices)
    start = models.DateField(_("start"))
    reason = EncryptedTextField(_("reason"))
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lifted by"),
    )
    lift_reason = EncryptedTextField(_("reason for lifting"), blank=True)

    class Meta:
        verbose_name = _("client stop")
        verbose_name_plural = _("client stops")
        ordering = ["-requested_at", "-id"]
        indexes = [models.Index(fields=["region", "provider", "status"])]

    def __str__(self) -> str:
        return f"{self.provider_id} {self.get_status_display()} ({self.start})"


class CeilingException(RequestDecision):
    """A nee-tenzij exception: care for one youth at a provider above its ceiling (§5).

    Allocations made under a granted exception are tracked on their own line, apart from
    the ceiling: neither their commitment nor their declared amounts count in the ledger.

    A provider's request keeps the identity the provider submitted (BSN, name and birth date
    as typed, encrypted): the provider is shown that submission, never the youth record it
    is linked to. The youth is linked when the region knows a youth with that BSN; otherwise
    the request has no youth (contract management sees the submission only).
    """

    BLIND_INDEXES: ClassVar[tuple[BlindIndex, ...]] = (
        BlindIndex("submitted_bsn_index", "submitted_bsn", "bsn", normalise_bsn),
    )

    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="ceiling_exceptions",
        verbose_name=_("region"),
    )
    provider = models.ForeignKey(
        "contracting.Provider",
        on_delete=models.PROTECT,
        related_name="ceiling_exceptions",
        verbose_name=_("provider"),
    )
    youth = models.ForeignKey(
        "clients.Youth",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ceiling_exceptions",
        verbose_name=_("youth"),
        help_text=_("Empty when the region's records hold no youth with the submitted BSN."),
    )
    submitted_bsn = EncryptedTextField(_("BSN as submitted"), blank=True)
    # Keyed hash of the submitted BSN: linking a youth registered later.
    submitted_bsn_index = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    submitted_given_name = EncryptedTextField(_("given name as submitted"), blank=True)
    submitted_family_name = EncryptedTextField(_("family name as submitted"), blank=True)
    submitted_birth_date = EncryptedTextField(
        _("birth date as submitted"), blank=True, help_text=_("YYYY-MM-DD, encrypted.")
    )
    product = models.ForeignKey(
        "contracting.Product",
        on_delete=models.PROTECT,
        related_name="ceiling_exceptions",
        verbose_name=_("product"),
    )
    cannot_wait = models.BooleanField(_("the care cannot wait"))
    only_here = models.BooleanField(_("the care is only available at this provider"))
    explanation = EncryptedTextField(_("explanation"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ExceptionStatus.choices,
        default=ExceptionStatus.REQUESTED,
    )

    class Meta:
        verbose_name = _("nee-tenzij exception")
        verbose_name_plural = _("nee-tenzij exceptions")
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"NT-{self.pk} {self.provider_id} ({self.get_status_display()})"

    @property
    def has_submission(self) -> bool:
        """Whether the request holds an identity submitted by the provider."""
        return bool(self.submitted_bsn)

    @property
    def submitted_name(self) -> str:
        return f"{self.submitted_given_name} {self.submitted_family_name}".strip()

    @property
    def submitted_birth(self) -> date | None:
        text = self.submitted_birth_date
        return date.fromisoformat(text) if text else None
