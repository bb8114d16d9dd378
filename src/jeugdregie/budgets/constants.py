# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _


class CeilingBasis(models.TextChoices):
    NORM = "norm", _("Norm percentage of reference-year realisation")
    START_BUDGET = "start_budget", _("Start budget for a new provider")
    FIXED = "fixed", _("Fixed amount")
    MANUAL = "manual", _("Manual adjustment")
