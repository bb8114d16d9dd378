# SPDX-License-Identifier: EUPL-1.2
"""Receiving one message: inbox → checks → domain → retour → outbox, in one transaction.

1. Schema level (``ijw.parse``): unreadable or schema-invalid → stored as refused, no retour
   (the standard answers XSD failures outside the message traffic).
2. Retours on our messages (JW302, JW320) are stored and linked to what they answer.
3. Primary messages (305, 307, 315, 317, 323): TR056 duplicate → 9056; in-message rule
   failures → 0001; header checks (receiver municipality TR378/S300, sender provider, the
   sender's contract with the receiving region, Dagtekening TR135/8848); then the
   cross-message checks and the domain effect of the type; then exactly one retour
   (306/308/316/318 or the JW325).

   A sender without a contract with the receiving municipality's region (for a JW315/JW317:
   none running on the day received) is refused as a whole with ``0001`` in the retour
   header: WJ001 has no code of its own for it, and 0001 is the code the standard gives the
   header when a message is not accepted at all (the message counts as not sent, OP286), as
   for an unknown sender. Nothing is linked: no youth created or linked, no request on a
   worklist.
4. After the retour, the answer: what a stored JW315/JW317 leads to (automatic approval,
   a perceel-2 extension) is a use case above the transport. The workflows register their
   answerer per message type at start-up (``answerer_register``); it runs here, in the
   message's transaction, so an answer that refuses rolls the message back with it.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

import ijw
from jeugdregie.audit.services import audit_batch
from jeugdregie.contracting.constants import ANY_CONTRACT
from jeugdregie.contracting.models import Provider
from jeugdregie.contracting.selectors import provider_contracted, provider_ever_contracted
from jeugdregie.core.ids import reserved_pk
from jeugdregie.messaging.constants import InboxStatus
from jeugdregie.messaging.models import InboxMessage, OutboxMessage
from jeugdregie.messaging.services import delivery, requests, sql
from jeugdregie.messaging.services.context import Context, run_cached
from jeugdregie.messaging.services.declarations import handle_declaration
from jeugdregie.messaging.services.retours import declaration_answer_send, retour_send
from jeugdregie.regions.codelists import cbs_codes
from jeugdregie.regions.models import Municipality

__all__ = [
    "ANSWERERS",
    "ANSWERS",
    "HANDLERS",
    "PRIMARY",
    "REQUESTS",
    "UPDATED",
    "Answerer",
    "Received",
    "answerer_register",
    "message_receive",
]

# What the processing changes after the first save (the raw bytes are not encrypted again).
UPDATED = ["status", "findings", "youth", "reference", "declaration_period"]
PRIMARY = frozenset({"JW305", "JW307", "JW315", "JW317", "JW323"})
ANSWERS = {"JW302": "JW301", "JW320": "JW319"}

HANDLERS: dict[str, Callable[[Context], object]] = {
    "JW305": delivery.handle_start,
    "JW307": delivery.handle_stop,
    "JW315": requests.handle_allocation_request,
    "JW317": requests.handle_change_request,
    "JW323": handle_declaration,
}

Answerer = Callable[[object], None]
"""What follows a stored primary message: called with its handler's result."""
ANSWERERS: dict[str, Answerer] = {}


def answerer_register(message_type: str, answerer: Answerer) -> None:
    """Register the answer to a primary message type (one per type; the workflows do this
    when the application starts)."""
    if message_type not in PRIMARY:
        raise ValueError(f"{message_type} is not a primary message type")
    ANSWERERS[message_type] = answerer


@dataclass
class Received:
    """What ``message_receive`` did: the inbox row and whether it was new."""

    inbox: InboxMessage
    new: bool
    sent: OutboxMessage | None = None  # the retour written just now, when known

    @property
    def retour(self) -> OutboxMessage | None:
        if self.sent is not None:
            return self.sent
        return OutboxMessage.objects.filter(retour_of=self.inbox).first()


def message_receive(*, data: bytes, source: str = "", new_source: bool = False) -> Received:
    """Receive one message. The same file (``source`` and bytes) a second time is a no-op.

    ``new_source``: the caller knows that nothing was received from ``source`` before.
    """
    digest = hashlib.sha256(data).hexdigest()
    if source and not new_source:
        existing = InboxMessage.objects.filter(source=source, sha256=digest).first()
        if existing is not None:
            return Received(inbox=existing, new=False)
    message, findings = ijw.parse(data, max_bytes=settings.IJW_MAX_BYTES)
    inbox, sent = _process(data, digest, source, message, findings)
    return Received(inbox=inbox, new=True, sent=sent)


def _finding_rows(findings: list[ijw.Finding]) -> list[dict[str, object]]:
    return [finding.as_json() for finding in findings]


@audit_batch()  # a transaction whose change records are written at its end (short lock)
def _process(
    data: bytes,
    digest: str,
    source: str,
    message: ijw.Message | None,
    findings: list[ijw.Finding],
) -> tuple[InboxMessage, OutboxMessage | None]:
    """The stored message and its retour (None for refused messages and answers)."""
    inbox = InboxMessage(sha256=digest, source=source, findings=_finding_rows(findings))
    inbox.raw = data
    if message is None:
        inbox.status = InboxStatus.REFUSED
        inbox.save()
        return inbox, None
    header = message.header
    inbox.message_type = str(message.message_type)
    inbox.sender, inbox.receiver = header.afzender, header.ontvanger
    inbox.identificatie = header.identificatie
    inbox.dagtekening = header.dagtekening
    if inbox.message_type in ANSWERS:
        return _receive_answer(inbox, message), None
    if inbox.message_type not in PRIMARY:
        inbox.status = InboxStatus.REFUSED
        inbox.findings.append(_own_finding("0001", "IV046", _("We do not receive this type.")))
        inbox.save()
        return inbox, None
    inbox.provider, inbox.municipality = _parties(header.afzender, header.ontvanger)
    original = sql.original_message_id(
        sender=inbox.sender, message_type=inbox.message_type, identificatie=inbox.identificatie
    )
    if original is not None:
        return inbox, _duplicate(inbox, message, original)
    # The rows the processing writes refer to the message: its id is reserved and the row
    # written once at the end (foreign keys are checked at commit); where no id can be
    # reserved (SQLite) the row is written now and updated at the end.
    inbox.pk = reserved_pk(InboxMessage)
    if inbox.pk is None:
        inbox.save()
    header_code = _header_code(inbox, findings)
    if header_code is not None:
        inbox.status = InboxStatus.REJECTED
        _save(inbox)
        return inbox, _send_retour(inbox, message, header_code, {})
    assert inbox.provider is not None
    assert inbox.municipality is not None
    ctx = Context(
        inbox=inbox,
        message=message,
        provider=inbox.provider,
        municipality=inbox.municipality,
        today=timezone.localdate(),
    )
    result = HANDLERS[inbox.message_type](ctx)
    inbox.findings.extend(ctx.findings)
    if ctx.header_code is not None:
        inbox.status = InboxStatus.REJECTED
    elif ctx.flagged:
        declared = inbox.message_type == "JW323"
        all_rejected = declared and result == 0  # the number of approved lines
        inbox.status = (
            InboxStatus.PARTIAL if declared and not all_rejected else InboxStatus.REJECTED
        )
    else:
        inbox.status = InboxStatus.ACCEPTED
    _save(inbox)
    sent = _send_retour(inbox, message, ctx.header_code, ctx.flagged)
    answer = ANSWERERS.get(inbox.message_type)
    if answer is not None:
        answer(result)
    return inbox, sent


def _duplicate(inbox: InboxMessage, message: ijw.Message, original: int) -> OutboxMessage:
    """TR056: the same message (sender, type, identification) was received before; stored
    as a duplicate of it and answered with 9056."""
    inbox.duplicate_of_id = original
    inbox.status = InboxStatus.DUPLICATE
    inbox.findings.append(
        _own_finding(
            "9056",
            "TR056",
            _("Message %(id)s was received before from this sender.") % {"id": inbox.identificatie},
        )
    )
    inbox.save()
    return _send_retour(inbox, message, "9056", {})


def _save(inbox: InboxMessage) -> None:
    if inbox._state.adding:
        inbox.save(force_insert=True)
    else:
        inbox.save(update_fields=UPDATED)


def _parties(agb: str, cbs: str) -> tuple[Provider | None, Municipality | None]:
    provider = run_cached(("provider", agb), lambda: Provider.objects.filter(agb_code=agb).first())
    municipality = run_cached(
        ("municipality", cbs),
        lambda: Municipality.objects.filter(cbs_code=cbs).select_related("region").first(),
    )
    return provider, municipality


def _own_finding(code: str, rule: str, text: str) -> dict[str, object]:
    return {
        "code": code,
        "rule": rule,
        "location": "/Header",
        "line": None,
        "severity": ijw.Severity.ERROR.value,
        "message": text,
    }


def _header_code(inbox: InboxMessage, findings: list[ijw.Finding]) -> str | None:
    """0001 for in-message failures, else the first header-level rule broken."""
    if ijw.has_errors(findings):
        return "0001"
    if inbox.municipality is None or inbox.receiver not in cbs_codes():
        inbox.findings.append(
            _own_finding(
                "S300",
                "TR378",
                _("Municipality code %(code)s is not one of ours or not in the CBS list.")
                % {"code": inbox.receiver},
            )
        )
        return "S300"
    if inbox.provider is None:
        inbox.findings.append(
            _own_finding(
                "0001",
                "AGB",
                _("Sender %(agb)s is not a known provider.") % {"agb": inbox.sender},
            )
        )
        return "0001"
    if not _contracted(inbox):
        inbox.findings.append(
            _own_finding(
                "0001",
                "CONTRACT",
                _(
                    "Sender %(agb)s has no contract with region %(region)s that covers this "
                    "message; the message is not processed."
                )
                % {"agb": inbox.sender, "region": inbox.municipality.region.name},
            )
        )
        return "0001"
    if inbox.dagtekening is not None and inbox.dagtekening > timezone.localdate():
        inbox.findings.append(
            _own_finding("8848", "TR135", _("The message date lies in the future."))
        )
        return "8848"
    return None


# Requests for (a change of) care need a contract running on the day they are received;
# starts, stops and declarations concern the sender's own allocations, which may continue
# (and be declared) after a contract ended: for those any contract with the region counts.
REQUESTS = frozenset({"JW315", "JW317"})


def _contracted(inbox: InboxMessage) -> bool:
    """Whether the sender has a contract (of any kind: the lot is not known yet) with the
    region of the receiving municipality: running today for a JW315/JW317
    (``contracting.selectors.provider_contracted``), ever for the other primary messages.
    Read once per import run (``run_cached``)."""
    provider, municipality = inbox.provider, inbox.municipality
    assert provider is not None
    assert municipality is not None
    region = municipality.region
    if inbox.message_type not in REQUESTS:
        return run_cached(
            ("contracted_ever", provider.pk, region.pk),
            lambda: provider_ever_contracted(provider=provider, region=region),
        )
    today = timezone.localdate()
    return run_cached(
        ("contracted_on", provider.pk, region.pk, today),
        lambda: provider_contracted(provider=provider, region=region, on=today, kinds=ANY_CONTRACT),
    )


def _send_retour(
    inbox: InboxMessage, message: ijw.Message, header_code: str | None, flagged: dict[int, str]
) -> OutboxMessage:
    if isinstance(message, ijw.JW323):
        return declaration_answer_send(
            inbox=inbox, message=message, header_code=header_code, flagged=flagged
        )
    return retour_send(inbox=inbox, message=message, header_code=header_code, flagged=flagged)


def _receive_answer(inbox: InboxMessage, message: ijw.Message) -> InboxMessage:
    """A JW302/JW320: linked to our message; rejected when it carries an error code."""
    header = message.header
    assert isinstance(header, ijw.RetourHeader)
    inbox.answers = OutboxMessage.objects.filter(
        message_type=ANSWERS[inbox.message_type],
        sender=header.afzender,
        identificatie=header.identificatie,
    ).first()
    if inbox.answers is not None:
        inbox.provider, inbox.municipality = inbox.answers.provider, inbox.answers.municipality
        inbox.youth = inbox.answers.youth
    codes = set(header.retour_codes)
    inbox.status = InboxStatus.REJECTED if codes - {"0200", "0233"} else InboxStatus.RECEIVED
    # A retour copies our header (Afzender = the municipality): its real sender is the
    # provider, and its own Identificatie is IdentificatieRetour.
    inbox.sender, inbox.receiver = header.ontvanger, header.afzender
    inbox.identificatie = header.identificatie_retour
    inbox.duplicate_of_id = sql.original_message_id(
        sender=inbox.sender, message_type=inbox.message_type, identificatie=inbox.identificatie
    )
    if inbox.duplicate_of_id is not None:
        inbox.status = InboxStatus.DUPLICATE
    inbox.save()
    return inbox
