# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, Any]:
    from jeugdregie.accounts.models import User
    from jeugdregie.core.navigation import menu_for
    from jeugdregie.notifications.selectors import unread_count

    if getattr(request, "second_factor_pending", False):  # signed in, second step to come
        return {"main_menu": [], "unread_notifications": 0}
    user = request.user
    unread = unread_count(user=user) if isinstance(user, User) else 0
    return {"main_menu": menu_for(request), "unread_notifications": unread}
