# SPDX-License-Identifier: EUPL-1.2
"""The subject-access report of one youth (AVG art. 15): every record the region holds about
the youth and every recorded access to it, for the privacy officer to hand over as PDF and
JSON. Built here, on top, because it reads the rows of every app; the privacy officer's page
(auditlog) serves it and records the export in the access log."""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.audit.selectors import access_records_for_youth
from jeugdregie.casetable.models import Case
from jeugdregie.clients.models import Referral, Youth
from jeugdregie.messaging.models import AllocationRequest
from jeugdregie.waitinglists.models import WaitingEntry

__all__ = ["ReportSection", "SubjectAccessReport", "subject_access_report"]


@dataclass(frozen=True)
class ReportSection:
    key: str  # stable, for the JSON
    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)


@dataclass(frozen=True)
class SubjectAccessReport:
    youth_id: int
    made_at: dt.datetime
    made_by: str
    region: str
    sections: list[ReportSection]

    def as_json(self) -> dict[str, Any]:
        return {
            "youth_id": self.youth_id,
            "made_at": self.made_at.isoformat(),
            "made_by": self.made_by,
            "region": self.region,
            "sections": [
                {
                    "key": s.key,
                    "title": s.title,
                    "rows": [dict(zip(s.columns, row, strict=True)) for row in s.rows],
                }
                for s in self.sections
            ],
        }


def _day(value: dt.date | None) -> str:
    return formats.date_format(value, "d-m-Y") if value else ""


def _moment(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return formats.date_format(timezone.localtime(value), "d-m-Y H:i")


def _label(row: Model, name: str) -> str:
    display: Callable[[], str] = getattr(row, f"get_{name}_display")
    return str(display()) if getattr(row, name) else ""


def _role(value: str) -> str:
    return str(Role(value).label) if value in Role.values else value


def _section(key: str, title: str, columns: list[str], rows: Iterable[list[str]]) -> ReportSection:
    return ReportSection(key, title, columns, [[str(cell) for cell in row] for row in rows])


def _youth_section(youth: Youth) -> ReportSection:
    rows = [
        [_("Given name"), youth.given_name],
        [_("Family name"), youth.family_name],
        [_("BSN"), youth.bsn],
        [_("Birth date"), _day(youth.birth_date)],
        [_("Gender"), _label(youth, "gender")],
        [_("Municipality"), youth.municipality.name],
        [_("Registered on"), _moment(youth.created_at)],
        [_("Anonymised on"), _moment(youth.anonymised_at)],
    ]
    return _section("youth", _("Personal details"), [_("Field"), _("Value")], rows)


def _referrals(youth: Youth) -> ReportSection:
    referrals = Referral.objects.filter(youth=youth).order_by("date", "pk")
    return _section(
        "referrals",
        _("Referrals"),
        [_("Date"), _("Referrer"), _("Referrer name"), _("Care profile")],
        (
            [_day(r.date), _label(r, "referrer_type"), r.referrer_name, _label(r, "care_profile")]
            for r in referrals
        ),
    )


def _allocations(youth: Youth) -> ReportSection:
    allocations = (
        Allocation.objects.filter(youth=youth)
        .select_related("provider", "product")
        .order_by("start", "pk")
    )
    return _section(
        "allocations",
        _("Allocations"),
        [_("Number"), _("Provider"), _("Product"), _("Start"), _("End"), _("Status")],
        (
            [
                a.number,
                a.provider.name,
                f"{a.product.code} {a.product.name}",
                _day(a.start),
                _day(a.end),
                _label(a, "status"),
            ]
            for a in allocations
        ),
    )


def _requests(youth: Youth) -> ReportSection:
    requests = (
        AllocationRequest.objects.filter(youth=youth)
        .select_related("provider")
        .order_by("start", "pk")
    )
    return _section(
        "allocation_requests",
        _("Requests for an allocation (JW315)"),
        [_("Provider"), _("Start"), _("Status"), _("Decided at")],
        (
            [q.provider.name, _day(q.start), _label(q, "status"), _moment(q.decided_at)]
            for q in requests
        ),
    )


def _cases(youth: Youth) -> ReportSection:
    cases = Case.objects.filter(youth=youth).select_related("provider").order_by("request_date")
    return _section(
        "cases",
        _("Afwegingskader cases"),
        [_("Case number"), _("Kind"), _("Provider"), _("Status"), _("Decided at"), _("Motivation")],
        (
            [
                c.number,
                _label(c, "kind"),
                c.provider.name if c.provider else "",
                _label(c, "status"),
                _moment(c.decided_at),
                c.decision_motivation,
            ]
            for c in cases
        ),
    )


def _waiting_entries(youth: Youth) -> ReportSection:
    waiting = (
        WaitingEntry.objects.filter(youth=youth)
        .select_related("provider", "lot")
        .order_by("waiting_since", "pk")
    )
    return _section(
        "waiting_entries",
        _("Waiting lists"),
        [_("Provider"), _("Lot"), _("Waiting since"), _("Outflow"), _("Reason")],
        (
            [
                w.provider.name if w.provider else "",
                w.lot.name,
                _day(w.waiting_since),
                _day(w.outflow_date),
                _label(w, "outflow_reason"),
            ]
            for w in waiting
        ),
    )


def _care_sections(youth: Youth) -> list[ReportSection]:
    return [
        _referrals(youth),
        _allocations(youth),
        _requests(youth),
        _cases(youth),
        _waiting_entries(youth),
    ]


def _log_sections(actor: User, youth: Youth) -> list[ReportSection]:
    accesses = access_records_for_youth(
        actor=actor, youth_id=youth.pk, bsn_hash=youth.bsn_index or ""
    ).order_by("at", "pk")
    changes = ChangeRecord.objects.filter(model="clients.Youth", object_pk=str(youth.pk)).order_by(
        "at", "pk"
    )
    return [
        _section(
            "accesses",
            _("Who saw the data"),
            [_("When"), _("User"), _("Role"), _("How")],
            ([_moment(r.at), r.username, _role(r.role), _label(r, "purpose")] for r in accesses),
        ),
        _section(
            "changes",
            _("Changes to the personal details"),
            [_("When"), _("By"), _("What")],
            (
                [
                    _moment(c.at),
                    c.user.username if c.user else _("the system"),
                    _label(c, "action"),
                ]
                for c in changes
            ),
        ),
    ]


def subject_access_report(*, actor: User, youth: Youth) -> SubjectAccessReport:
    """Everything about ``youth`` in the actor's region, as display strings per section."""
    return SubjectAccessReport(
        youth_id=youth.pk,
        made_at=timezone.now(),
        made_by=actor.get_full_name() or actor.username,
        region=youth.municipality.region.name,
        sections=[
            _youth_section(youth),
            *_care_sections(youth),
            *_log_sections(actor, youth),
        ],
    )
