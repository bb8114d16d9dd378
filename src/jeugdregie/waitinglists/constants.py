# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "PERCEEL1_LOT_CODE",
    "OutflowReason",
    "PrioritySignal",
    "WaitingSource",
]

PERCEEL1_LOT_CODE = "P1"
"""The lot (perceel) of multi-disciplinary specialist care: its waiting list has no provider."""

# The boundaries of the priority signals (the young child's age, the months after a court
# ruling) are dated policy: ``waitinglists.policy``.


class WaitingSource(models.TextChoices):
    """How an entry came onto the waiting list."""

    PROVIDER_SCREEN = "provider_screen", _("Reported by the provider (screen)")
    PROVIDER_API = "provider_api", _("Reported by the provider (API)")
    STAFF = "staff", _("Reported by municipal or GI staff")
    ALLOCATION = "allocation", _("Allocation without a start of care")
    REQUEST = "request", _("Request for allocation not yet decided")
    PERCEEL1 = "perceel1", _("Waiting for perceel 1 (trajectory)")


class OutflowReason(models.TextChoices):
    """Why an entry left the waiting list."""

    CARE_STARTED = "care_started", _("Care started")
    ELSEWHERE = "elsewhere", _("Care found elsewhere")
    NO_LONGER_NEEDED = "no_longer_needed", _("Care no longer needed")
    MOVED = "moved", _("Moved out of the region")
    OTHER = "other", _("Other reason")


class PrioritySignal(models.TextChoices):
    YOUNG_CHILD = "young_child", _("Young child (under 8)")
    GI_RULING = "gi_ruling", _("GI case: 3 months or more after the court ruling")
