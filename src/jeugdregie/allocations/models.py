# SPDX-License-Identifier: EUPL-1.2
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.allocations.constants import AllocationStatus, ChangeReason
from jeugdregie.contracting.constants import Frequency, Unit

allocation_number_validator = RegexValidator(
    r"^\d{1,8}$", _("An allocation number has 1 to 8 digits.")
)


class Allocation(models.Model):
    """An allocation (toewijzing) of a product at a provider to a youth (JW301)."""

    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.PROTECT,
        related_name="allocations",
        verbose_name=_("municipality"),
    )
    number = models.CharField(
        _("allocation number"), max_length=8, validators=[allocation_number_validator]
    )
    youth = models.ForeignKey(
        "clients.Youth",
        on_delete=models.PROTECT,
        related_name="allocations",
        verbose_name=_("youth"),
    )
    referral = models.ForeignKey(
        "clients.Referral",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocations",
        verbose_name=_("referral"),
    )
    provider = models.ForeignKey(
        "contracting.Provider",
        on_delete=models.PROTECT,
        related_name="allocations",
        verbose_name=_("provider"),
    )
    product = models.ForeignKey(
        "contracting.Product",
        on_delete=models.PROTECT,
        related_name="allocations",
        verbose_name=_("product"),
    )
    volume = models.PositiveIntegerField(_("volume"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=2, choices=Unit.choices)
    frequency = models.CharField(
        _("frequency"), max_length=1, choices=Frequency.choices, blank=True
    )
    budget = models.DecimalField(
        _("budget (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    unit_price = models.DecimalField(
        _("price per unit (EUR)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Empty: the product's tariff valid on the start date."),
    )
    ceiling_exception = models.ForeignKey(
        "budgets.CeilingException",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocations",
        verbose_name=_("nee-tenzij exception"),
        help_text=_("Care granted above the ceiling: tracked on its own line."),
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AllocationStatus.choices,
        default=AllocationStatus.ALLOCATED,
    )
    change_reason = models.CharField(
        _("reason of change"), max_length=2, choices=ChangeReason.choices, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")
        ordering = ["-start", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "number"], name="allocation_number_unique_per_municipality"
            ),
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="allocation_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(volume__isnull=False) | models.Q(budget__isnull=False),
                name="allocation_has_volume_or_budget",
            ),
        ]
        indexes = [models.Index(fields=["provider", "start"]), models.Index(fields=["start"])]

    def __str__(self) -> str:
        return f"{self.municipality.cbs_code}-{self.number}"


class AllocationNumberCounter(models.Model):
    """The last allocation number handed out in a municipality.

    ``next_allocation_number`` locks this row (``SELECT ... FOR UPDATE``) for the rest of the
    transaction that creates the allocation, so concurrent creators queue here instead of
    reading every number and racing for the same maximum.
    """

    municipality = models.OneToOneField(
        "regions.Municipality",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="allocation_number_counter",
        verbose_name=_("municipality"),
    )
    last_number = models.PositiveIntegerField(_("last allocation number"), default=0)

    class Meta:
        verbose_name = _("allocation number counter")
        verbose_name_plural = _("allocation number counters")

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.last_number}"


class DeliveryPeriod(models.Model):
    """A period in which care was actually delivered (start JW305 / stop JW307)."""

    allocation = models.ForeignKey(
        Allocation,
        on_delete=models.CASCADE,
        related_name="delivery_periods",
        verbose_name=_("allocation"),
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery period")
        verbose_name_plural = _("delivery periods")
        ordering = ["allocation", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="delivery_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start} – {self.end or '…'}"
