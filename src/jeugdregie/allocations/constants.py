# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "AllocationStatus",
    "ChangeReason",
]


class AllocationStatus(models.TextChoices):
    ALLOCATED = "allocated", _("Allocated")
    IN_CARE = "in_care", _("In care")
    ENDED = "ended", _("Ended")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ChangeReason(models.TextChoices):
    """JZ002 reason for changing an allocation."""

    CLIENT_DECEASED = "02", _("Client deceased")
    CONTRACT_CHANGE = "03", _("Contract change")
    REASSESSMENT_EXTENSION = "04", _("Reassessment: extension")
    REASSESSMENT_SHORTENING = "05", _("Reassessment: shortening")
    OTHER_DOMAIN = "06", _("Outflow to another domain")
    MOVED = "07", _("Moved to another municipality")
    DELIVERY_FORM = "08", _("Change of delivery form")
    OTHER_PROVIDER = "09", _("Move to another provider")
    NEW_FUNDING = "10", _("Transition to a new funding system")
    MUNICIPAL_MERGER = "11", _("Municipal merger")
    PROVIDER_INITIATED = "12", _("Initiated by the provider")
    REMOVED = "13", _("Removed")
    ADMINISTRATIVE_CORRECTION = "14", _("Administrative correction")
