# SPDX-License-Identifier: EUPL-1.2
"""What a received message leads to, registered with the message transport at start-up
(``messaging.services.inbox.answerer_register``): a JW315's requests are approved where the
region's policy allows it without a person; a JW317 that only extends a perceel-2
trajectory is decided by the trajectory's working method."""

from jeugdregie.messaging.models import AllocationRequest, ChangeRequest
from jeugdregie.messaging.services.inbox import answerer_register
from jeugdregie.workflows.perceel2 import extension_from_change_request
from jeugdregie.workflows.requests import auto_approve

__all__ = ["answerers_register"]


def _answer_allocation_requests(result: object) -> None:
    if isinstance(result, list):
        auto_approve(requests=[r for r in result if isinstance(r, AllocationRequest)])


def _answer_change_request(result: object) -> None:
    if isinstance(result, ChangeRequest):
        extension_from_change_request(request=result)


def answerers_register() -> None:
    answerer_register("JW315", _answer_allocation_requests)
    answerer_register("JW317", _answer_change_request)
