# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

# The task queue of the message import (settings.TASKS): its tasks run one provider's
# files each, a long while; the jobs' queue ("default") does not wait behind them.
IMPORT_QUEUE = "ijw"

__all__ = [
    "IMPORT_QUEUE",
    "InboxStatus",
    "RejectionReason",
    "RequestStatus",
]


class InboxStatus(models.TextChoices):
    """What became of a received message."""

    ACCEPTED = "accepted", _("Accepted")
    PARTIAL = "partial", _("Partly accepted")
    REJECTED = "rejected", _("Rejected")
    DUPLICATE = "duplicate", _("Duplicate (9056)")
    REFUSED = "refused", _("Refused: not readable")
    RECEIVED = "received", _("Received (retour on our message)")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class RejectionReason(models.TextChoices):
    """WJ759 reason for rejecting a request for allocation or change (JW319)."""

    NEW_REQUEST = "1", _("Not a change but a new request")
    BUDGET = "2", _("Does not fit the budget")
    NO_CONTRACT = "3", _("No contract")
    NOT_IN_CONTRACT = "4", _("Does not fit the contract")
    OTHER_MUNICIPALITY = "5", _("Other municipality")
    STACKING = "6", _("Stacking of care")
    CARE_CONTENT = "7", _("Rejected on the content of care")
    RESIDENCE_PRINCIPLE = "8", _("Residence principle (woonplaatsbeginsel)")
    AGE_LIMIT = "9", _("Age limit reached")
