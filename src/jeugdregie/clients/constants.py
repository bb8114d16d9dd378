# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "MEDICAL_REFERRERS",
    "CareProfile",
    "Gender",
    "ReferrerType",
]


class ReferrerType(models.TextChoices):
    """COD327 referrer codes."""

    MUNICIPALITY = "01", _("Municipality (access team)")
    GENERAL_PRACTITIONER = "02", _("General practitioner")
    YOUTH_DOCTOR = "03", _("Youth doctor")
    CERTIFIED_INSTITUTION = "04", _("Certified institution")
    MEDICAL_SPECIALIST = "05", _("Medical specialist")
    SELF_OR_NONE = "06", _("Self-referral / no referrer")
    COURT = "08", _("Court, public prosecutor or judicial official")


MEDICAL_REFERRERS = frozenset(
    {ReferrerType.GENERAL_PRACTITIONER, ReferrerType.YOUTH_DOCTOR, ReferrerType.MEDICAL_SPECIALIST}
)


class CareProfile(models.TextChoices):
    ACUTE = "acuut", _("Acute")
    PERSPECTIVE = "perspectief", _("Perspective")
    INTENSIVE = "intensief", _("Intensive")
    LASTING = "duurzaam", _("Lasting")


class Gender(models.TextChoices):
    """COD046."""

    UNKNOWN = "0", _("Unknown")
    MALE = "1", _("Male")
    FEMALE = "2", _("Female")
