# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "AGENDA_OUTCOMES",
    "DIRECT_OUTCOMES",
    "CareSetting",
    "CaseKind",
    "CaseRoute",
    "CaseStatus",
    "MeetingStatus",
    "Outcome",
    "TableDecision",
]


class CaseKind(models.TextChoices):
    """The two kinds of request the afwegingskader judges (afwegingskader.md §1)."""

    LIGHT_CONTRACT = "light_contract", _("Light contract with a non-contracted provider")
    CEILING_OVERRUN = "ceiling_overrun", _("Exceeding a contracted provider's ceiling")


class CareSetting(models.TextChoices):
    """The fact ``care_setting`` (afwegingskader.md §3, corrected December 2026): short stay
    (kortdurend verblijf: respite, logeeropvang) is not residential care for I1, I5 and I7,
    a PGB is possible for it, and it counts as ambulant in the light-contract statistics."""

    VERBLIJF = "verblijf", _("Residential (verblijf)")
    SHORT_STAY = "kortdurend_verblijf", _("Short stay (kortdurend verblijf)")
    AMBULANT = "ambulant", _("Ambulant")


class Outcome(models.TextChoices):
    """Outcome of an evaluation (afwegingskader.md §7); the values are part of the interface."""

    EXCEPTION = "uitzondering", _("Allowed by an exception")
    MET = "voldaan", _("All requirements met")
    REJECTED = "afgewezen", _("Rejected")
    INSUFFICIENT = "onvoldoende_informatie", _("Insufficient information")
    REFER = "voorleggen", _("Present to the expert table")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ON_AGENDA = "on_agenda", _("On the agenda")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class CaseRoute(models.TextChoices):
    EXPERT_TEAM = "expert_team", _("Expert table")
    URGENT_DIRECT = "urgent_direct", _("Urgent: referrer and contract management")


class TableDecision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")
    POSTPONE = "postpone", _("Postpone")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")


# Outcomes that may be put on a meeting's agenda (issue 5 Build 3).
AGENDA_OUTCOMES = frozenset({Outcome.REFER, Outcome.INSUFFICIENT})
# Outcomes that let referrer and contract management conclude without the table.
DIRECT_OUTCOMES = frozenset({Outcome.EXCEPTION, Outcome.MET})
