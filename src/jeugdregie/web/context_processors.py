# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, Any]:
    from jeugdregie.web.navigation import menu_for

    if getattr(request, "second_factor_pending", False):  # signed in, second step to come
        return {"main_menu": []}
    return {"main_menu": menu_for(request)}
