# SPDX-License-Identifier: EUPL-1.2
"""``jeugdregie keys_rotate`` on the demo: afterwards every encrypted value of every table
(found in the app registry) decrypts with the new key alone and none with the old key alone;
the blind indexes are the new blind-index key's, so a youth is still found by BSN; the
change log's chain still holds. An interrupted run continues where it stopped."""

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection, models
from django.db.models.functions import Cast

from jeugdregie.accounts.models import User
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.audit.verification import log_verify
from jeugdregie.budgets.constants import ClientStopStatus
from jeugdregie.budgets.models import CeilingException, ClientStop
from jeugdregie.casetable.models import AgendaItem, Case, Meeting
from jeugdregie.clients.models import Youth
from jeugdregie.clients.selectors import youth_by_bsn
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.core import crypto
from jeugdregie.core.keys import _rewrite, encrypted_columns, keys_rotate
from jeugdregie.core.tests.test_free_text_with_health_details_is_encrypted import free_text_rows
from jeugdregie.demo.constants import DEFAULT_SEED, Scale
from jeugdregie.demo.services import demo_seed
from jeugdregie.demo.tests.helpers import YEAR
from jeugdregie.messaging.models import AllocationRequest, ChangeRequest, InboxMessage
from jeugdregie.notifications.models import Notification
from jeugdregie.testing.factories import World, build_world
from jeugdregie.trajectories.models import Extension, Trajectory

pytestmark = pytest.mark.django_db

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()
OLD_BLIND = "b2xkLWJsaW5kLWluZGV4LWtleS0zMi1ieXRlcy0uLi4="
NEW_BLIND = "bmV3LWJsaW5kLWluZGV4LWtleS0zMi1ieXRlcy0uLi4="
Column = tuple[str, str]  # model label, field name


def use_keys(settings: Any, encryption: list[str], blind_index: list[str]) -> None:
    settings.JEUGDREGIE_ENCRYPTION_KEYS = encryption
    settings.JEUGDREGIE_BLIND_INDEX_KEYS = blind_index
    crypto.reset_key_cache()


def stored() -> dict[Column, list[str]]:
    """The non-empty ciphertexts of every encrypted column, as the database holds them."""
    values: dict[Column, list[str]] = {}
    with connection.cursor() as cursor:
        for model, field in encrypted_columns():
            table = connection.ops.quote_name(model._meta.db_table)
            column = connection.ops.quote_name(str(field.column))
            cursor.execute(f"SELECT {column} FROM {table} ORDER BY 1")  # noqa: S608
            values[(model._meta.label, field.name)] = [r[0] for r in cursor.fetchall() if r[0]]
    return values


def plaintexts() -> dict[Column, list[bytes]]:
    return {column: sorted(map(crypto.decrypt_bytes, v)) for column, v in stored().items()}


def note(label: str) -> str:
    return f"gezondheid-{label}: slaapt slecht sinds de opname"


def fill_what_the_demo_leaves_empty() -> None:
    """The small demo leaves a few encrypted columns empty: a row or a value for each."""
    youth = Youth.objects.exclude(bsn="").select_related("municipality__region").first()
    assert youth is not None
    region, provider = youth.municipality.region, Provider.objects.order_by("pk")[0]
    product, user = Product.objects.order_by("pk")[0], User.objects.order_by("pk")[0]
    ClientStop.objects.create(
        region=region,
        provider=provider,
        status=ClientStopStatus.LIFTED,
        start=dt.date(YEAR, 3, 1),
        reason=note("stop"),
        decision_reason=note("stop-decision"),
        lift_reason=note("stop-lift"),
    )
    CeilingException.objects.create(
        region=region,
        provider=provider,
        youth=youth,
        submitted_bsn=youth.bsn,
        submitted_bsn_index=youth.bsn_index or "",
        submitted_given_name=youth.given_name,
        submitted_family_name=youth.family_name,
        submitted_birth_date=youth.birth_date.isoformat(),
        product=product,
        cannot_wait=True,
        only_here=True,
        explanation=note("nee-tenzij"),
        decision_reason=note("nee-tenzij-decision"),
    )
    Notification.objects.create(user=user, subject="Cliëntenstop", text=note("notification"))
    ChangeRequest.objects.create(
        inbox_message=InboxMessage.objects.order_by("pk")[0],
        provider=provider,
        municipality=youth.municipality,
        youth=youth,
        reference="VOW-1",
        reason="1",
        decision_note=note("change-request"),
    )
    AllocationRequest.objects.filter(pk=AllocationRequest.objects.order_by("pk")[0].pk).update(
        decision_note=note("request"), comment=note("comment")
    )
    Extension.objects.filter(pk=Extension.objects.order_by("pk")[0].pk).update(
        self_assessment=note("self"), decision_motivation=note("extension")
    )
    Trajectory.objects.filter(pk=Trajectory.objects.order_by("pk")[0].pk).update(
        complexity_motivation=note("complexity")
    )
    Case.objects.filter(pk=Case.objects.order_by("pk")[0].pk).update(
        comparable_tariff_override=note("override"), decision_motivation=note("case")
    )
    Meeting.objects.update(notes=note("minutes"))
    AgendaItem.objects.update(motivation=note("agenda"))


def decryptable(values: dict[Column, list[str]]) -> dict[Column, int]:
    counts: dict[Column, int] = {}
    for column, tokens in values.items():
        counts[column] = 0
        for token in tokens:
            try:
                crypto.decrypt_bytes(token)
            except crypto.DecryptionError:
                continue
            counts[column] += 1
    return counts


def test_keys_rotate_on_the_demo_leaves_everything_readable_with_the_new_key_only(settings):
    use_keys(settings, [OLD], [OLD_BLIND])
    demo_seed(scale=Scale.SMALL, seed=DEFAULT_SEED, year=YEAR)
    fill_what_the_demo_leaves_empty()
    before = plaintexts()
    empty = sorted(column for column, values in before.items() if not values)
    assert empty == [], f"an encrypted column without a value in the test data: {empty}"
    youth = Youth.objects.exclude(bsn="").order_by("pk")[0]

    use_keys(settings, [NEW, OLD], [NEW_BLIND, OLD_BLIND])  # step 1: the new keys in front
    dry, untouched = StringIO(), stored()
    call_command("keys_rotate", "--dry-run", stdout=dry)
    assert stored() == untouched
    assert f"clients.Youth.bsn: {len(before[('clients.Youth', 'bsn')])} waarde(n) zou" in (
        dry.getvalue()
    )
    output = StringIO()
    call_command("keys_rotate", "--batch-size", "50", stdout=output)  # step 2
    for (label, name), values in before.items():
        line = f"{label}.{name}: {len(values)} waarde(n) opnieuw geschreven"
        assert line in output.getvalue()
    assert "clients.Youth.bsn_index: " in output.getvalue()

    use_keys(settings, [NEW], [NEW_BLIND])  # step 3: the old keys removed
    after = stored()
    assert plaintexts() == before
    assert decryptable(after) == {c: len(v) for c, v in after.items()}
    found = youth_by_bsn(bsn=youth.bsn, region=None)
    assert found is not None
    assert found.pk == youth.pk
    assert log_verify(ChangeRecord).ok
    again = StringIO()
    call_command("keys_rotate", stdout=again)
    assert "Klaar: 0 waarde(n) opnieuw geschreven" in again.getvalue()

    use_keys(settings, [OLD], [OLD_BLIND])  # the old key alone reads nothing any more
    assert set(decryptable(after).values()) == {0}


def test_an_interrupted_rotation_continues_and_encrypts_nothing_twice(settings):
    use_keys(settings, [OLD], [OLD_BLIND])
    rows = free_text_rows(build_world())
    before = plaintexts()
    use_keys(settings, [NEW, OLD], [NEW_BLIND, OLD_BLIND])

    class KilledError(Exception):
        pass

    def killed_after_the_first_batch(model: str, rows: int) -> None:
        raise KilledError(model)

    with pytest.raises(KilledError):
        keys_rotate(batch_size=2, progress=killed_after_the_first_batch)
    halfway = [token for tokens in stored().values() for token in tokens]
    done = sum(map(crypto.is_current, halfway))
    assert 0 < done < len(halfway)

    counts = keys_rotate(batch_size=2)  # the rerun: only what the first run left
    encrypted = {(m._meta.label, f.name) for m, f in encrypted_columns()}
    assert sum(c.count for c in counts if (c.model, c.field) in encrypted) == len(halfway) - done
    assert all(crypto.is_current(token) for tokens in stored().values() for token in tokens)
    assert plaintexts() == before  # one layer of encryption: the same plaintext
    assert sum(c.count for c in keys_rotate(batch_size=2)) == 0
    use_keys(settings, [NEW], [NEW_BLIND])
    for (model, field), plain in rows.items():
        assert getattr(model._default_manager.get(), field) == plain


def test_a_value_is_never_rewritten_with_other_plaintext(world: World):
    record = ChangeRecord.objects.order_by("pk").first()
    assert record is not None
    (old,) = list(
        ChangeRecord.objects.filter(pk=record.pk)
        .annotate(raw=Cast("object_repr", models.TextField()))
        .values_list("raw", flat=True)
    )
    with pytest.raises(ValueError, match="not the same plaintext"):
        _rewrite(
            ChangeRecord,
            record.pk,
            read={"object_repr": old},
            changes={"object_repr": crypto.encrypt("x")},
        )
    with pytest.raises(ValueError, match="not a column"):
        _rewrite(ChangeRecord, record.pk, read={}, changes={"model": "x"})
