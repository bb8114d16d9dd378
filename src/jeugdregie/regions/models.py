# SPDX-License-Identifier: EUPL-1.2
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

cbs_code_validator = RegexValidator(
    r"^\d{4}$", _("A CBS municipality code has exactly 4 digits, e.g. 0505.")
)
percentage_validators = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(200))]
THRESHOLD_HELP = _(
    "Empty: the threshold of the region's dated policy in force (status_thresholds) applies."
)


class Region(models.Model):
    """A youth-care region (jeugdhulpregio) with its policy settings."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    ceiling_fixed_in_year = models.BooleanField(
        _("ceiling fixed within the year"),
        default=True,
        help_text=_("When set, ceilings cannot be raised during the year they apply to."),
    )
    client_stop_allows_extensions = models.BooleanField(
        _("client stop allows extensions"),
        default=True,
        help_text=_(
            "When set, a running client's care can be extended at a provider under a client "
            "stop; only new clients are refused."
        ),
    )
    status_warning_pct = models.DecimalField(
        _("warning threshold (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=percentage_validators,
        help_text=THRESHOLD_HELP,
    )
    status_critical_pct = models.DecimalField(
        _("critical threshold (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=percentage_validators,
        help_text=THRESHOLD_HELP,
    )
    status_exhausted_pct = models.DecimalField(
        _("exhausted threshold (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=percentage_validators,
        help_text=THRESHOLD_HELP,
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )
    cbs_code = models.CharField(
        _("CBS code"), max_length=4, unique=True, validators=[cbs_code_validator]
    )
    name = models.CharField(_("name"), max_length=200)
    youth_population = models.PositiveIntegerField(_("youth population (0-19)"), default=0)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.cbs_code})"
