# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.http import HttpRequest


def unread(request: HttpRequest) -> dict[str, Any]:
    """The count of unread notifications in the page header (none before the second step)."""
    from jeugdregie.accounts.models import User
    from jeugdregie.notifications.selectors import unread_count

    user = request.user
    if getattr(request, "second_factor_pending", False) or not isinstance(user, User):
        return {"unread_notifications": 0}
    return {"unread_notifications": unread_count(user=user)}
