# SPDX-License-Identifier: EUPL-1.2
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.budgets.constants import CeilingBasis


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
