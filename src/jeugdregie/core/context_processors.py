# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, Any]:
    from jeugdregie.core.navigation import menu_for

    return {"main_menu": menu_for(request)}
