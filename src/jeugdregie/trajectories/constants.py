# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "Complexity",
    "ExtensionRoute",
    "ExtensionSource",
    "ExtensionStatus",
    "PolicyEndKind",
]


class Complexity(models.TextChoices):
    """Whether single-discipline care stays in perceel 2 (perceel2.md §2c)."""

    SINGLE = "enkelvoudig", _("Single-discipline")
    MULTI_RESPONSIBLE = (
        "meervoudig_verantwoord_in_p2",
        _("Multi-disciplinary, responsible in perceel 2"),
    )
    AWAITING_PERCEEL_1 = "wacht_op_perceel_1", _("Waiting for perceel 1 (temporary continuation)")


class ExtensionRoute(models.TextChoices):
    MANDATE = "mandate", _("On the practitioner's own mandate")
    SELF_ASSESSMENT = "self_assessment", _("On mandate with a self-assessment")
    CJG_REVIEW = "cjg_review", _("Intensive review by the CJG")
    STANDARD_REFERRER = "standard_referrer", _("Standard route: approval of the referrer")


class ExtensionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class ExtensionSource(models.TextChoices):
    SCREEN = "screen", _("Provider screen")
    API = "api", _("API")
    JW317 = "jw317", _("Request for change (JW317)")


class PolicyEndKind(models.TextChoices):
    MOVED = "moved", _("End moved (continued or shortened)")
    TERMINATED = "terminated", _("Terminated early")
