# SPDX-License-Identifier: EUPL-1.2
from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.clients.constants import CareProfile, Gender, ReferrerType
from jeugdregie.clients.names import normalise_family_name, normalise_given_name
from jeugdregie.core.bsn import normalise_bsn
from jeugdregie.core.fields import BlindIndex, EncryptedTextField


class Youth(models.Model):
    """A youth (jeugdige). Name and BSN are encrypted; lookups use keyed hashes.

    The BSN can be unknown (empty, no index): youth whose BSN is not (yet) known still get care.
    The name indexes hash the names as the search compares them (``clients.names``): the
    family name without its tussenvoegsels, the first given name. An anonymised youth has
    empty name indexes: nothing is left to find it by.
    """

    BSN_INDEX = BlindIndex("bsn_index", "bsn", "bsn", normalise_bsn)
    FAMILY_NAME_INDEX = BlindIndex(
        "family_name_index", "family_name", "family_name", normalise_family_name
    )
    GIVEN_NAME_INDEX = BlindIndex(
        "given_name_index", "given_name", "given_name", normalise_given_name
    )
    BLIND_INDEXES: ClassVar[tuple[BlindIndex, ...]] = (
        BSN_INDEX,
        FAMILY_NAME_INDEX,
        GIVEN_NAME_INDEX,
    )

    bsn = EncryptedTextField(_("BSN"), blank=True)
    # NULL, not "", when the BSN is unknown: many youth may lack one under a unique index.
    bsn_index = models.CharField(  # noqa: DJ001
        max_length=64, unique=True, null=True, editable=False
    )
    given_name = EncryptedTextField(_("given name"))
    given_name_index = models.CharField(max_length=64, db_index=True, editable=False)
    family_name = EncryptedTextField(_("family name"))
    family_name_index = models.CharField(max_length=64, db_index=True, editable=False)
    # Not encrypted (ages and waiting-time rules count with it), so searched as it is.
    birth_date = models.DateField(_("birth date"), db_index=True)
    gender = models.CharField(
        _("gender"), max_length=1, choices=Gender.choices, default=Gender.UNKNOWN
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.PROTECT,
        related_name="youth",
        verbose_name=_("municipality"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Set when the retention period passed: name, BSN and day of birth are gone, the row stays
    # so every count and amount keeps adding up (workflows.retention).
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("youth")
        verbose_name_plural = _("youth")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}"


class Referral(models.Model):
    """A referral (verwijzing) of a youth to youth care."""

    youth = models.ForeignKey(
        Youth, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("youth")
    )
    referrer_type = models.CharField(_("referrer type"), max_length=2, choices=ReferrerType.choices)
    referrer_name = models.CharField(_("referrer name"), max_length=200, blank=True)
    referrer_agb = models.CharField(_("referrer AGB code"), max_length=8, blank=True)
    referrer_organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("referring organisation"),
    )
    date = models.DateField(_("referral date"))
    care_profile = models.CharField(
        _("care profile"), max_length=20, choices=CareProfile.choices, blank=True
    )

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.get_referrer_type_display()} {self.date}"
