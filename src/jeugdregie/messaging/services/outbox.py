# SPDX-License-Identifier: EUPL-1.2
"""Putting a built message into the outbox, with our own unique Identificatie (TR056)."""

import uuid
from collections.abc import Iterable
from pathlib import Path

from django.utils import timezone

import ijw
from jeugdregie.allocations.models import Allocation
from jeugdregie.clients.models import Youth
from jeugdregie.contracting.models import Provider
from jeugdregie.core.ids import reserved_pk
from jeugdregie.messaging.models import InboxMessage, OutboxMessage
from jeugdregie.regions.models import Municipality

__all__ = [
    "IDENTIFICATIE_PREFIX",
    "export_file_name",
    "new_identificatie",
    "outbox_export",
    "outbox_store",
]

IDENTIFICATIE_PREFIX = "JR"


def new_identificatie(*, sender: str, message_type: str) -> OutboxMessage:
    """Reserve an outbox row and its Identificatie (``JR`` + 10 digits of the row id): the
    id from the table's sequence (written once by ``outbox_store``), or, where the database
    cannot reserve one, by writing a placeholder row first."""
    row = OutboxMessage(message_type=message_type, sender=sender, recipient="")
    row.pk = reserved_pk(OutboxMessage)
    if row.pk is None:
        row.identificatie = uuid.uuid4().hex[:12]
        row.data = b""
        row.save()
    row.identificatie = f"{IDENTIFICATIE_PREFIX}{row.pk:010d}"
    return row


def outbox_store(
    *,
    row: OutboxMessage,
    message: ijw.Message,
    recipient: str,
    retour_of: InboxMessage | None = None,
    in_reply_to: InboxMessage | None = None,
    provider: Provider | None = None,
    municipality: Municipality | None = None,
    youth: Youth | None = None,
    allocations: Iterable[Allocation] = (),
) -> OutboxMessage:
    """Build ``message`` (schema-checked by ``ijw.build``) into the reserved ``row``."""
    row.data = ijw.build(message)
    row.built = message
    row.recipient = recipient
    row.retour_of = retour_of
    row.in_reply_to = in_reply_to
    row.provider, row.municipality, row.youth = provider, municipality, youth
    row.created_at = timezone.now()
    row.save(force_insert=row._state.adding)
    # Link rows written directly: the related manager's set() first reads the current links
    # joined to allocations in their default order, which PostgreSQL plans badly inside long
    # transactions full of updated allocations.
    link = OutboxMessage.allocations.through
    link.objects.bulk_create(
        [link(outboxmessage_id=row.pk, allocation_id=allocation.pk) for allocation in allocations],
        ignore_conflicts=True,
    )
    return row


def export_file_name(row: OutboxMessage) -> str:
    """``<type>_<sender>_<recipient>_<Identificatie>.xml``, for instance
    ``JW301_0505_73000001_JR0000000042.xml``: unique (TR056 per sender and type)."""
    return f"{row.message_type}_{row.sender}_{row.recipient}_{row.identificatie}.xml"


def outbox_export(*, folder: Path) -> list[Path]:
    """Write every pending outgoing message to ``folder`` and mark it exported.

    Each file is written under a temporary name and renamed, then marked; a crash in
    between writes the same file again next time (same name, same bytes).
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for row in OutboxMessage.objects.filter(exported_at=None).order_by("pk").iterator():
        target = folder / export_file_name(row)
        partial = target.with_suffix(".part")
        partial.write_bytes(bytes(row.data))
        partial.replace(target)
        OutboxMessage.objects.filter(pk=row.pk).update(exported_at=timezone.now())
        written.append(target)
    return written
