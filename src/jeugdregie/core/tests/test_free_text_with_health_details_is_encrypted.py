# SPDX-License-Identifier: EUPL-1.2
"""Free text that can hold health details (motivations, reasons, explanations, notes, and the
notifications quoting them) is encrypted at rest like names: the database column holds
ciphertext, the model reads the text; the migrations encrypt rows that existed before (and
decrypt them again when reversed)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from jeugdregie.accounts.constants import Role
from jeugdregie.budgets.client_stops import (
    client_stop_decide,
    client_stop_lift,
    client_stop_request,
)
from jeugdregie.budgets.exceptions import exception_decide, exception_request
from jeugdregie.budgets.models import CeilingException, ClientStop
from jeugdregie.casetable.constants import CaseKind, Outcome
from jeugdregie.casetable.models import AgendaItem, Case, Meeting
from jeugdregie.clients.submissions import Submission
from jeugdregie.core import crypto
from jeugdregie.core.fields import EncryptedTextField
from jeugdregie.notifications.models import Notification
from jeugdregie.testing.factories import World
from jeugdregie.trajectories.constants import ExtensionRoute
from jeugdregie.trajectories.models import Extension, Trajectory

ENCRYPTED_FREE_TEXT: dict[type[models.Model], tuple[str, ...]] = {
    ClientStop: ("reason", "decision_reason", "lift_reason"),
    CeilingException: ("explanation", "decision_reason"),
    Case: ("comparable_tariff_override", "decision_motivation"),
    Meeting: ("notes",),
    AgendaItem: ("motivation",),
    Extension: ("reason",),
    Notification: ("text",),
}
BEFORE_ENCRYPTION = [
    ("budgets", "0003_ceilingexception"),
    ("casetable", "0002_named_reverse_relations"),
    ("trajectories", "0002_extension_from_a_jw317"),
    ("notifications", "0001_initial"),
]


def text(label: str) -> str:
    """A recognisable health detail per field."""
    return f"gezondheid-{label}: slaapt slecht sinds de opname, angstklachten"


def free_text_rows(world: World) -> dict[tuple[type[models.Model], str], str]:
    """One row with each encrypted free-text field filled, through the services where they
    exist (so notifications and change records are written as in real use)."""
    provider_user = world.users[Role.PROVIDER]
    manager = world.users[Role.CONTRACT_MANAGER]
    today = timezone.localdate()
    stop = client_stop_request(
        actor=provider_user,
        region=world.region,
        provider=world.provider,
        start=today,
        reason=text("stop-reason"),
    )
    client_stop_decide(actor=manager, stop=stop, confirm=True, reason=text("stop-decision"))
    client_stop_lift(actor=manager, stop=stop, reason=text("stop-lift"))
    anna = world.youth["anna"]
    exception = exception_request(
        actor=provider_user,
        region=world.region,
        provider=world.provider,
        submission=Submission(
            bsn=anna.bsn, given_name="Anna", family_name="Visser", birth_date=anna.birth_date
        ),
        product=world.product,
        cannot_wait=True,
        only_here=True,
        explanation=text("nt-explanation"),
    )
    exception_decide(actor=manager, exception=exception, grant=False, reason=text("nt-decision"))
    case = Case.objects.create(
        region=world.region,
        number="C-1",
        kind=CaseKind.LIGHT_CONTRACT,
        youth=world.youth["anna"],
        provider=world.other_provider,
        product=world.product,
        request_date=today,
        start=today,
        end=today + dt.timedelta(days=90),
        volume=10,
        frequency="6",
        tariff=Decimal("90.00"),
        comparable_tariff_override=text("case-override"),
        decision_motivation=text("case-decision"),
        requested_by=world.users[Role.ACCESS_STAFF],
    )
    meeting = Meeting.objects.create(region=world.region, date=today, notes=text("minutes"))
    AgendaItem.objects.create(
        meeting=meeting,
        case=case,
        position=1,
        outcome_when_scheduled=Outcome.EXCEPTION,
        motivation=text("agenda-motivation"),
    )
    allocation = world.allocations["anna"]
    trajectory = Trajectory.objects.create(
        allocation=allocation,
        practitioner_name="Behandelaar",
        basic_duration_months=6,
        max_extension_months=6,
        maximum_end=allocation.start + dt.timedelta(days=365),
        start=allocation.start,
        original_end=allocation.end or allocation.start,
    )
    Extension.objects.create(
        trajectory=trajectory,
        number=1,
        requested_on=today,
        previous_end=trajectory.original_end,
        requested_end=trajectory.original_end + dt.timedelta(days=60),
        route=ExtensionRoute.STANDARD_REFERRER,
        reason=text("extension-refusal"),
    )
    return {
        (ClientStop, "reason"): text("stop-reason"),
        (ClientStop, "decision_reason"): text("stop-decision"),
        (ClientStop, "lift_reason"): text("stop-lift"),
        (CeilingException, "explanation"): text("nt-explanation"),
        (CeilingException, "decision_reason"): text("nt-decision"),
        (Case, "comparable_tariff_override"): text("case-override"),
        (Case, "decision_motivation"): text("case-decision"),
        (Meeting, "notes"): text("minutes"),
        (AgendaItem, "motivation"): text("agenda-motivation"),
        (Extension, "reason"): text("extension-refusal"),
    }


def raw_values(model: type[models.Model], field: str) -> list[str]:
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(str(model._meta.get_field(field).column))  # type: ignore[union-attr]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608
        return [row[0] for row in cursor.fetchall()]


def test_every_free_text_field_with_health_details_is_encrypted():
    for model, fields in ENCRYPTED_FREE_TEXT.items():
        for name in fields:
            assert isinstance(model._meta.get_field(name), EncryptedTextField), (model, name)


@pytest.mark.django_db
def test_the_database_holds_ciphertext_and_the_model_reads_the_text(world):
    rows = free_text_rows(world)

    for (model, field), plain in rows.items():
        (stored,) = raw_values(model, field)
        assert plain not in stored
        assert crypto.decrypt(stored) == plain
        assert getattr(model._default_manager.get(), field) == plain
    quoted = [n.text for n in Notification.objects.all() if "gezondheid-stop-lift" in n.text]
    assert quoted
    assert all("gezondheid" not in raw for raw in raw_values(Notification, "text"))


@pytest.mark.django_db(transaction=True)
def test_the_migrations_encrypt_existing_rows_and_decrypt_them_when_reversed(world):
    rows = free_text_rows(world)
    executor = MigrationExecutor(connection)
    latest = [
        key for key in executor.loader.graph.leaf_nodes() if key[0] in dict(BEFORE_ENCRYPTION)
    ]

    executor.migrate(BEFORE_ENCRYPTION)  # back: the rows become plain text again
    for (model, field), plain in rows.items():
        assert raw_values(model, field) == [plain]
    assert any("gezondheid-stop-lift" in raw for raw in raw_values(Notification, "text"))

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(latest)  # forward: the existing rows are encrypted in place
    for (model, field), plain in rows.items():
        (stored,) = raw_values(model, field)
        assert crypto.decrypt(stored) == plain
        assert getattr(model._default_manager.get(), field) == plain
    assert all("gezondheid" not in raw for raw in raw_values(Notification, "text"))
