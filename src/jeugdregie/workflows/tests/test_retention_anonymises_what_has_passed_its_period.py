# SPDX-License-Identifier: EUPL-1.2
"""Retention: with the day moved past the period, the daily job anonymises a finished youth,
its afwegingskader case and its waiting-list entry; the region's figures (counts and money)
stay the same; the access log keeps every record, pointing at the now anonymous youth; a youth
still in care is left alone; --dry-run counts and changes nothing; a second run finds nothing."""

import datetime as dt
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.models import AccessRecord, ChangeRecord
from jeugdregie.audit.services import access_record_create
from jeugdregie.casetable.constants import CaseKind, CaseStatus
from jeugdregie.casetable.models import Case
from jeugdregie.clients.models import Youth
from jeugdregie.clients.selectors import youth_by_bsn
from jeugdregie.clients.services import ANONYMOUS
from jeugdregie.contracting.constants import Frequency
from jeugdregie.testing.factories import World
from jeugdregie.waitinglists.constants import OutflowReason, WaitingSource
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.workflows.allocations import allocation_grant
from jeugdregie.workflows.retention import retention_apply

pytestmark = pytest.mark.django_db

YEAR = 2025  # the test world's year: allocations 1 February to 31 July


def _figures() -> list[dict[str, object]]:
    out = StringIO()
    call_command("region_stats", "--year", str(YEAR), "--json", stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]


def _snapshot(youth: Youth) -> tuple[str, str, str, dt.date]:
    youth = Youth.objects.get(pk=youth.pk)
    return youth.given_name, youth.family_name, youth.bsn, youth.birth_date


@pytest.fixture
def scene(world: World) -> World:
    anna, chris = world.youth["anna"], world.youth["chris"]
    # Chris is still in care: an open-ended allocation.
    allocation_grant(
        actor=None,
        youth=chris,
        provider=world.allocations["chris"].provider,
        product=world.allocations["chris"].product,
        start=dt.date(YEAR, 8, 1),
        end=None,
        volume=10,
        frequency=Frequency.TOTAL,
    )
    # Anna left a waiting list long ago, with her name and a note as the provider submitted.
    WaitingEntry.objects.create(
        youth=anna,
        submitted_bsn=anna.bsn,
        submitted_bsn_index="x" * 64,
        submitted_given_name="Anna",
        submitted_family_name="Visser",
        submitted_birth_date="2012-03-01",
        provider=world.allocations["anna"].provider,
        lot=world.allocations["anna"].product.lot,
        waiting_since=dt.date(YEAR, 1, 5),
        source=WaitingSource.PROVIDER_SCREEN,
        outflow_date=dt.date(YEAR, 2, 1),
        outflow_reason=OutflowReason.CARE_STARTED,
        outflow_note="Anna is bij ons gestart",
    )
    # ... and an afwegingskader case decided in her year, with free text about her situation.
    Case.objects.create(
        region=world.region,
        number="AK-2025-9",
        kind=CaseKind.CEILING_OVERRUN,
        youth=anna,
        provider=world.allocations["anna"].provider,
        product=world.allocations["anna"].product,
        request_date=dt.date(YEAR, 1, 20),
        start=dt.date(YEAR, 2, 1),
        end=dt.date(YEAR, 7, 31),
        volume=40,
        frequency=Frequency.TOTAL,
        tariff=Decimal("80.00"),
        facts_json=json.dumps({"crisis": {"value": True, "motivation": "Anna sliep buiten"}}),
        status=CaseStatus.APPROVED,
        requested_by=world.users[Role.CONTRACT_MANAGER],
        decided_at=dt.datetime(YEAR, 1, 25, 10, tzinfo=dt.UTC),
        decision_motivation="Anna Visser heeft dit nodig",
    )
    access_record_create(
        user=world.users[Role.CONTRACT_MANAGER],
        youth_ids=[anna.pk],
        purpose=AccessPurpose.DETAIL,
        route="/jeugdigen/",
    )
    return world


def test_the_periods_come_from_the_dated_policy_and_nothing_is_due_before(scene):
    report = retention_apply(on=dt.date(YEAR + 7, 7, 31))
    assert (report.youth, report.cases, report.waiting_entries) == (0, 0, 0)


def test_past_the_period_a_finished_youth_is_anonymised_and_the_figures_stay(scene):
    anna, chris = scene.youth["anna"], scene.youth["chris"]
    on = dt.date(YEAR + 8, 8, 1)  # seven years after the end of care, and a bit
    before_figures = _figures()
    before_chris = _snapshot(chris)
    access_before = list(AccessRecord.objects.filter(youth=anna).values_list("pk", "youth_id"))
    anna_bsn = anna.bsn

    out = StringIO()
    call_command("retention_apply", "--dry-run", "--date", on.isoformat(), stdout=out)
    assert "zou anonimiseren: 3 jeugdigen" in out.getvalue()  # anna, bram, daan; not chris
    assert _snapshot(anna)[0] == "Anna", "a dry run changes nothing"

    out = StringIO()
    call_command("retention_apply", "--date", on.isoformat(), stdout=out)
    assert "geanonimiseerd: 3 jeugdigen" in out.getvalue()
    assert "1 casussen van het afwegingskader, 1 wachtlijstregels" in out.getvalue()

    given, family, bsn, birth = _snapshot(anna)
    assert (given, family, bsn, birth) == (ANONYMOUS, ANONYMOUS, "", dt.date(2012, 3, 1))
    assert youth_by_bsn(bsn=anna_bsn, region=None) is None
    assert Youth.objects.get(pk=anna.pk).anonymised_at is not None
    case = Case.objects.get(number="AK-2025-9")
    assert case.decision_motivation == ""
    assert json.loads(case.facts_json) == {"crisis": {"motivation": "", "value": True}}
    assert (case.status, case.tariff) == (CaseStatus.APPROVED, Decimal("80.00"))
    entry = WaitingEntry.objects.get(youth=anna)
    assert (entry.submitted_given_name, entry.submitted_bsn, entry.outflow_note) == ("", "", "")
    assert entry.outflow_date == dt.date(YEAR, 2, 1), "dates stay: waiting figures keep counting"

    assert _snapshot(chris) == before_chris, "still in care: left alone"
    assert _figures() == before_figures
    assert (
        list(AccessRecord.objects.filter(youth=anna).values_list("pk", "youth_id")) == access_before
    )
    record = ChangeRecord.objects.filter(model="clients.Youth", object_pk=str(anna.pk)).first()
    assert record is not None
    assert "Visser" not in json.dumps(record.changes)

    again = retention_apply(on=on)
    assert (again.youth, again.cases, again.waiting_entries) == (0, 0, 0)
