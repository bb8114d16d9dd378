# SPDX-License-Identifier: EUPL-1.2
"""Perceel-2 trajectories: a treatment on top of the coordinating practitioner's allocation,
its extensions, its additional practitioners and the dated end of a working method."""

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.core.fields import EncryptedTextField
from jeugdregie.trajectories.constants import (
    Complexity,
    ExtensionRoute,
    ExtensionSource,
    ExtensionStatus,
    PolicyEndKind,
)

if TYPE_CHECKING:
    from jeugdregie.contracting.models import Product, Provider


class Trajectory(models.Model):
    """A perceel-2 treatment led by the coordinating practitioner (the referral's receiver).

    The current end is the coordinating allocation's end: an extension moves it through the
    allocation services, so the budget ledger and the JW301 follow.
    """

    allocation = models.OneToOneField(
        "allocations.Allocation",
        on_delete=models.PROTECT,
        related_name="trajectory",
        verbose_name=_("coordinating allocation"),
    )
    practitioner_name = models.CharField(_("coordinating practitioner"), max_length=200)
    basic_duration_months = models.PositiveSmallIntegerField(_("basic duration (months)"))
    max_extension_months = models.PositiveSmallIntegerField(_("maximum extension (months)"))
    maximum_end = models.DateField(_("end of the maximum treatment duration"))
    start = models.DateField(_("start"))
    original_end = models.DateField(_("original end"))
    complexity = models.CharField(
        _("complexity"), max_length=30, choices=Complexity.choices, default=Complexity.SINGLE
    )
    complexity_judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("complexity judged by"),
    )
    complexity_judged_at = models.DateTimeField(_("complexity judged at"), null=True, blank=True)
    complexity_motivation = EncryptedTextField(_("motivation of the judgement"), blank=True)
    cjg_worker_name = models.CharField(_("linked CJG worker"), max_length=200, blank=True)
    cjg_worker_contact = models.CharField(
        _("contact of the CJG worker"), max_length=200, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("trajectory")
        verbose_name_plural = _("trajectories")
        ordering = ["-start", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(complexity=Complexity.AWAITING_PERCEEL_1)
                | ~models.Q(cjg_worker_name=""),
                name="trajectory_waiting_has_cjg_worker",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.allocation} ({self.practitioner_name})"

    @property
    def current_end(self) -> dt.date:
        return self.allocation.end or self.original_end

    @property
    def provider(self) -> "Provider":
        return self.allocation.provider

    @property
    def product(self) -> "Product":
        return self.allocation.product


class Extension(models.Model):
    """One request to extend a trajectory and its decision."""

    trajectory = models.ForeignKey(
        Trajectory,
        on_delete=models.PROTECT,
        related_name="extensions",
        verbose_name=_("trajectory"),
    )
    number = models.PositiveSmallIntegerField(_("extension number"))
    requested_on = models.DateField(_("requested on"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    source = models.CharField(
        _("source"), max_length=10, choices=ExtensionSource.choices, default=ExtensionSource.SCREEN
    )
    previous_end = models.DateField(_("end before the extension"))
    requested_end = models.DateField(_("requested end"))
    route = models.CharField(_("route"), max_length=20, choices=ExtensionRoute.choices)
    policy_version = models.CharField(
        _("working method in force"),
        max_length=50,
        blank=True,
        help_text=_("Empty: no working method was in force, the standard route applies."),
    )
    self_assessment = EncryptedTextField(_("self-assessment"), blank=True)
    self_assessment_added_on = models.DateField(
        _("self-assessment added on"), null=True, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ExtensionStatus.choices,
        default=ExtensionStatus.PENDING,
    )
    # why it waits or was refused: a refusal's motivation can hold health details
    reason = EncryptedTextField(_("reason"), blank=True)
    review_answers = models.JSONField(_("review answers"), default=dict, blank=True)
    decision_motivation = EncryptedTextField(_("motivation of the decision"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # The JW317 this extension was asked in: its answer (JW301 or JW319) follows the decision.
    change_request = models.ForeignKey(
        "messaging.ChangeRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="extensions",
        verbose_name=_("request for change (JW317)"),
    )

    class Meta:
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")
        ordering = ["trajectory", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(requested_end__gt=models.F("previous_end")),
                name="extension_end_after_previous_end",
            ),
        ]
        indexes = [models.Index(fields=["status", "route"])]

    def __str__(self) -> str:
        return f"{self.trajectory} #{self.number}"

    @property
    def has_self_assessment(self) -> bool:
        return bool(self.self_assessment)

    @property
    def length_days(self) -> int:
        return (self.requested_end - self.previous_end).days


class AdditionalPractitioner(models.Model):
    """Another perceel-2 provider brought in by the coordinating practitioner, with its own
    allocation (charged to its own ceiling) linked to the trajectory."""

    trajectory = models.ForeignKey(
        Trajectory,
        on_delete=models.PROTECT,
        related_name="additional_practitioners",
        verbose_name=_("trajectory"),
    )
    allocation = models.OneToOneField(
        "allocations.Allocation",
        on_delete=models.PROTECT,
        related_name="additional_practitioner",
        verbose_name=_("allocation of the additional practitioner"),
    )
    practitioner_name = models.CharField(_("additional practitioner"), max_length=200)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("additional practitioner")
        verbose_name_plural = _("additional practitioners")
        ordering = ["trajectory", "id"]

    def __str__(self) -> str:
        return f"{self.practitioner_name} ({self.allocation})"


class PolicyVersionEnd(models.Model):
    """A decision moving the end of a working method's version (continuation, early
    termination); the latest decision counts, earlier ones stay as history."""

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    version_code = models.CharField(_("version"), max_length=50)
    end = models.DateField(_("last day in force"))
    kind = models.CharField(_("kind"), max_length=10, choices=PolicyEndKind.choices)
    decision_reference = models.CharField(_("decision reference"), max_length=100)
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("end of a working method")
        verbose_name_plural = _("ends of working methods")
        ordering = ["region", "version_code", "-id"]

    def __str__(self) -> str:
        return f"{self.version_code}: {self.end}"
