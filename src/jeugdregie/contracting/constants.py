# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "ANY_CONTRACT",
    "CONTRACTED_SUPPLY",
    "ContractKind",
    "ExecutionVariant",
    "Frequency",
    "LotSegment",
    "Unit",
]


class ExecutionVariant(models.TextChoices):
    """VNG standard execution variants (uitvoeringsvarianten)."""

    EFFORT = "inspanningsgericht", _("Effort-oriented (inspanningsgericht)")
    OUTPUT = "outputgericht", _("Output-oriented (outputgericht)")
    TASK = "taakgericht", _("Task-oriented (taakgericht)")


class Unit(models.TextChoices):
    """WJ756 units."""

    MINUTE = "01", _("Minute")
    HOUR = "04", _("Hour")
    DAY_NIGHT = "14", _("24 hours (etmaal)")
    HALF_DAY = "16", _("Part of a day (4 hours)")
    PIECE_OUTPUT = "82", _("Pieces (output)")
    EURO = "83", _("Euros")
    PIECE_EFFORT = "84", _("Pieces (effort)")


class ContractKind(models.TextChoices):
    REGIONAL = "regional", _("Regional contract (Open House)")
    TENDER = "tender", _("Tender")
    LIGHT = "light", _("Light contract (maatwerkovereenkomst)")


# The kinds that make a provider part of the region's contracted supply for a lot
# (``contracting.selectors.provider_contracted``). A light contract buys one tailor-made
# arrangement from a provider that is *not* contracted (afwegingskader): it never makes the
# provider contracted for the lot.
CONTRACTED_SUPPLY = frozenset({ContractKind.REGIONAL, ContractKind.TENDER})
ANY_CONTRACT = frozenset(ContractKind)


class LotSegment(models.TextChoices):
    NONE = "", _("Not split")
    LIGHT = "light", _("Light")
    HEAVY = "heavy", _("Heavy")


class Frequency(models.TextChoices):
    """WMO757 frequency of an allocated volume."""

    PER_DAY = "1", _("Per day")
    PER_WEEK = "2", _("Per week")
    PER_MONTH = "4", _("Per month")
    TOTAL = "6", _("Total within the allocation period")
