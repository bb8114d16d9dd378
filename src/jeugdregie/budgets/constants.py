# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "BudgetStatus",
    "CeilingBasis",
    "ClientStopStatus",
    "ExceptionStatus",
    "RealisationSource",
]


class CeilingBasis(models.TextChoices):
    NORM = "norm", _("Norm percentage of reference-year realisation")
    START_BUDGET = "start_budget", _("Start budget for a new provider")
    FIXED = "fixed", _("Fixed amount")
    MANUAL = "manual", _("Manual adjustment")


class RealisationSource(models.TextChoices):
    IMPORT = "import", _("Import from a previous system")
    DECLARATION = "declaration", _("Approved declaration line")


class BudgetStatus(models.TextChoices):
    """Ledger status of a ceiling (budgets.md §3); the values are part of the interface."""

    OK = "ok", _("OK")
    WARNING = "waarschuwing", _("Warning")
    CRITICAL = "kritiek", _("Critical")
    REACHED = "bereikt", _("Ceiling reached")
    CLIENT_STOP = "clientenstop", _("Client stop")


class ClientStopStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed by the system")
    REQUESTED = "requested", _("Requested by the provider")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")
    LIFTED = "lifted", _("Lifted")


class ExceptionStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")
