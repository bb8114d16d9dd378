# SPDX-License-Identifier: EUPL-1.2
"""What the processing of one received message knows and has found so far."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import ijw
from jeugdregie.allocations.models import Allocation
from jeugdregie.clients.models import Youth
from jeugdregie.clients.services import bsn_lookup_key
from jeugdregie.contracting.models import Provider
from jeugdregie.messaging.models import InboxMessage
from jeugdregie.regions.models import Municipality


@dataclass
class Context:
    inbox: InboxMessage
    message: ijw.Message
    provider: Provider
    municipality: Municipality
    today: dt.date
    header_code: str | None = None
    flagged: dict[int, str] = field(default_factory=dict)
    findings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        return self.header_code is not None or bool(self.flagged)

    def reject(
        self, target: object | None, *, code: str, rule: str, location: str, text: str
    ) -> None:
        """Record a cross-message finding; ``target`` None means the header (whole message)."""
        if target is None:
            self.header_code = self.header_code or code
        else:
            self.flagged.setdefault(id(target), code)
        self.findings.append(
            {
                "code": code,
                "rule": rule,
                "location": f"/{self.inbox.message_type}{location}",
                "line": None,
                "severity": ijw.Severity.ERROR.value,
                "message": text,
            }
        )


def link_allocations(inbox: InboxMessage, allocations: Iterable[Allocation]) -> None:
    """Link the message to the allocations it touched, in one insert (the related manager's
    ``add`` first reads the existing links)."""
    link = InboxMessage.allocations.through
    link.objects.bulk_create(
        [link(inboxmessage_id=inbox.pk, allocation_id=allocation.pk) for allocation in allocations],
        ignore_conflicts=True,
    )


def youth_by_bsn(bsn: str) -> Youth | None:
    return Youth.objects.filter(bsn_index=bsn_lookup_key(bsn)).first()
