# SPDX-License-Identifier: EUPL-1.2
"""Work waiting for a user, as every app reports it to the role homes.

Each app that has work for a role offers a ``<topic>_worklist(*, user)`` selector returning
``WorkItem``s (only items with a count above zero); ``homes.selectors.home_worklist`` asks
each of them. A work item carries no personal data: a count, the Dutch sentence that names
it and the page where the work is done.
"""

from dataclasses import dataclass

__all__ = ["WorkItem"]


@dataclass(frozen=True)
class WorkItem:
    key: str  # stable, e.g. "messaging.allocation_requests"
    text: str  # the Dutch sentence with the count in it
    count: int
    url_name: str  # the page where the work is done (a URL name without arguments)
    query: str = ""  # the filter of that page, e.g. "status=open"
