# SPDX-License-Identifier: EUPL-1.2
"""Reads of the message exchange: worklists, the message viewer and the traffic overview.

Every function takes the acting user. Contract management (and, for the traffic counts, the
functional administrator) sees the messages of its region, the access team those of its
municipality, a provider only its own. Functions that return a youth's personal data record
the access (``audit``).
"""

from jeugdregie.messaging.selectors.messages import (
    MessageView,
    inbox_message_view,
    inbox_visible_to,
    outbox_message_view,
    outbox_visible_to,
    readable_xml,
)
from jeugdregie.messaging.selectors.traffic import (
    PROVIDER_RETOURS,
    REJECTED_INBOX,
    TrafficFilters,
    TrafficRow,
    message_traffic,
    recent_messages,
    traffic_providers,
    traffic_totals,
)
from jeugdregie.messaging.selectors.worklists import (
    RequestFilters,
    allocation_request_detail,
    allocation_request_list,
    allocation_requests_visible_to,
    change_request_detail,
    change_request_list,
    change_requests_visible_to,
    request_answers,
    request_providers,
    requests_worklist,
)

__all__ = [
    "PROVIDER_RETOURS",
    "REJECTED_INBOX",
    "MessageView",
    "RequestFilters",
    "TrafficFilters",
    "TrafficRow",
    "allocation_request_detail",
    "allocation_request_list",
    "allocation_requests_visible_to",
    "change_request_detail",
    "change_request_list",
    "change_requests_visible_to",
    "inbox_message_view",
    "inbox_visible_to",
    "message_traffic",
    "outbox_message_view",
    "outbox_visible_to",
    "readable_xml",
    "recent_messages",
    "request_answers",
    "request_providers",
    "requests_worklist",
    "traffic_providers",
    "traffic_totals",
]
