# SPDX-License-Identifier: EUPL-1.2
from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.contracting.constants import ContractKind, ExecutionVariant, LotSegment, Unit

agb_validator = RegexValidator(r"^\d{8}$", _("An AGB code has exactly 8 digits."), code="agb_code")
kvk_validator = RegexValidator(
    r"^\d{8}$", _("A KvK number has exactly 8 digits."), code="kvk_number"
)
product_code_validator = RegexValidator(
    r"^[0-9A-Z]{5}$",
    _("A product code has 5 characters (digits or capitals)."),
)
category_code_validator = RegexValidator(
    r"^\d{2}$", _("A product category code (JZ020) has 2 digits.")
)


class Provider(models.Model):
    """A youth-care provider (zorgaanbieder), identified by its AGB code."""

    agb_code = models.CharField(
        _("AGB code"), max_length=8, unique=True, validators=[agb_validator]
    )
    kvk_number = models.CharField(
        _("KvK number"), max_length=8, blank=True, validators=[kvk_validator]
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("provider")
        verbose_name_plural = _("providers")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.agb_code})"


class Lot(models.Model):
    """A lot (perceel): a segment of youth care bought together."""

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="lots", verbose_name=_("region")
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    is_open = models.BooleanField(
        _("open for new providers"),
        default=False,
        help_text=_("A closed lot only admits new providers through an admission round."),
    )
    segment = models.CharField(_("segment"), max_length=10, choices=LotSegment.choices, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("lot")
        verbose_name_plural = _("lots")
        ordering = ["region", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["region", "code"], name="lot_code_unique_per_region")
        ]

    def __str__(self) -> str:
        return self.name


class ProductCategory(models.Model):
    """An iJw JZ020 product category."""

    code = models.CharField(
        _("code"), max_length=2, unique=True, validators=[category_code_validator]
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("product category")
        verbose_name_plural = _("product categories")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Product(models.Model):
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="products",
        verbose_name=_("region"),
    )
    lot = models.ForeignKey(
        Lot, on_delete=models.PROTECT, related_name="products", verbose_name=_("lot")
    )
    category = models.ForeignKey(
        ProductCategory,
        on_delete=models.PROTECT,
        related_name="products",
        verbose_name=_("product category"),
    )
    code = models.CharField(_("product code"), max_length=5, validators=[product_code_validator])
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=2, choices=Unit.choices)
    variant = models.CharField(
        _("execution variant"),
        max_length=20,
        choices=ExecutionVariant.choices,
        default=ExecutionVariant.EFFORT,
    )
    basic_duration_weeks = models.PositiveSmallIntegerField(
        _("basic duration (weeks)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["region", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "code"], name="product_code_unique_per_region"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Tariff(models.Model):
    """Price per unit of a product, valid from a date (until the next tariff or ``valid_to``)."""

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="tariffs", verbose_name=_("product")
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    amount = models.DecimalField(
        _("price per unit (EUR)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )

    class Meta:
        verbose_name = _("tariff")
        verbose_name_plural = _("tariffs")
        ordering = ["product", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "valid_from"], name="tariff_unique_start_per_product"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="tariff_amount_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product.code} € {self.amount} ({self.valid_from})"


class Contract(models.Model):
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="contracts",
        verbose_name=_("region"),
    )
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="contracts", verbose_name=_("provider")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ContractKind.choices)
    reference = models.CharField(_("reference"), max_length=50)
    lots = models.ManyToManyField(Lot, related_name="contracts", verbose_name=_("lots"))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        ordering = ["provider__name", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "reference"], name="contract_reference_unique_per_region"
            ),
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="contract_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.reference
