# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.http import HttpRequest

from jeugdregie.homes.navigation import navigation_for


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The main menu and breadcrumb; built only when a template reads them."""
    return {"navigation": navigation_for(request)}
