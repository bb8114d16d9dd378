# SPDX-License-Identifier: EUPL-1.2
"""Requests judged with the afwegingskader (light contracts and ceiling overruns) and the expert
table that decides on them: meetings, agenda items, decisions and evaluation moments."""

import json
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.casetable.constants import (
    CareSetting,
    CaseKind,
    CaseRoute,
    CaseStatus,
    MeetingStatus,
    Outcome,
    TableDecision,
)
from jeugdregie.contracting.constants import Frequency
from jeugdregie.core.fields import EncryptedTextField


class Case(models.Model):
    """One request: a youth needs care from a provider outside the contracts (light contract)
    or above a contracted provider's ceiling (ceiling overrun)."""

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="cases", verbose_name=_("region")
    )
    number = models.CharField(_("case number"), max_length=20)
    kind = models.CharField(_("kind"), max_length=20, choices=CaseKind.choices)
    youth = models.ForeignKey(
        "clients.Youth", on_delete=models.PROTECT, related_name="cases", verbose_name=_("youth")
    )
    provider = models.ForeignKey(
        "contracting.Provider",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("provider"),
    )
    product = models.ForeignKey(
        "contracting.Product",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("product"),
    )
    request_date = models.DateField(_("request date"))
    start = models.DateField(_("start of the care"))
    end = models.DateField(_("end of the care"))
    volume = models.PositiveIntegerField(_("volume"))
    frequency = models.CharField(_("frequency"), max_length=1)
    tariff = models.DecimalField(
        _("tariff per unit (EUR)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    comparable_tariff = models.DecimalField(
        _("comparable contracted tariff (EUR)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
    )
    # Free text below can describe a youth's situation: encrypted at rest like names.
    comparable_tariff_override = EncryptedTextField(
        _("reason for overriding the comparable tariff"), blank=True
    )
    care_setting = models.CharField(
        _("care setting"), max_length=19, choices=CareSetting.choices, blank=True
    )
    # The answers to the framework's questions, as the case file format (afwegingskader.md §8)
    # holds them: plain values or {"value", "recorded_by_role", "motivation"}. Encrypted: they
    # describe a youth's situation.
    facts_json = EncryptedTextField(_("facts"), default="{}")
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)
    exception_grounds = models.JSONField(_("exception grounds"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    route = models.CharField(_("route"), max_length=20, choices=CaseRoute.choices, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="cases_requested",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases_decided",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_motivation = EncryptedTextField(_("motivation of the decision"), blank=True)
    contract = models.ForeignKey(
        "contracting.Contract",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("light contract"),
    )
    allocation = models.ForeignKey(
        "allocations.Allocation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("allocation"),
    )
    ceiling_exception = models.ForeignKey(
        "budgets.CeilingException",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("nee-tenzij exception"),
    )

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-request_date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["region", "number"], name="case_number_per_region"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="case_end"),
        ]

    def __str__(self) -> str:
        return self.number

    def get_frequency_display(self) -> str:
        """The frequency by its label (the field holds the WMO757 code)."""
        return str(dict(Frequency.choices).get(self.frequency, self.frequency))

    @property
    def facts(self) -> dict[str, Any]:
        value = json.loads(self.facts_json or "{}")
        assert isinstance(value, dict)
        return value

    @facts.setter
    def facts(self, value: dict[str, Any]) -> None:
        self.facts_json = json.dumps(value, sort_keys=True)


class Meeting(models.Model):
    """A meeting of the expert table (e.g. the Haarlem Expertise Team)."""

    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="table_meetings",
        verbose_name=_("region"),
    )
    date = models.DateField(_("date"))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="table_meetings", verbose_name=_("members")
    )
    guests = models.TextField(_("other participants"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    notes = EncryptedTextField(_("notes for the minutes"), blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}"


class AgendaItem(models.Model):
    """A case on a meeting's agenda: to decide, or to report a case decided on the urgent
    route (afwegingskader.md §9)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="items", verbose_name=_("meeting")
    )
    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="agenda_items", verbose_name=_("case")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    for_report = models.BooleanField(_("reported afterwards (urgent route)"), default=False)
    outcome_when_scheduled = models.CharField(
        _("outcome when scheduled"), max_length=30, choices=Outcome.choices
    )
    decision = models.CharField(
        _("decision"), max_length=10, choices=TableDecision.choices, blank=True
    )
    motivation = EncryptedTextField(_("motivation"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "case"], name="agenda_case_once"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} #{self.position}: {self.case}"


class FollowUp(models.Model):
    """An evaluation moment agreed for a case (afwegingskader.md §9), with a reminder."""

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="follow_ups", verbose_name=_("case")
    )
    due = models.DateField(_("due"))
    description = models.CharField(_("description"), max_length=200)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation moment")
        verbose_name_plural = _("evaluation moments")
        ordering = ["due", "pk"]

    def __str__(self) -> str:
        return f"{self.case} {self.due:%Y-%m-%d}"
