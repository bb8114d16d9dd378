# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.http import HttpRequest

from jeugdregie.core.theme import configured_theme


def theme(request: HttpRequest) -> dict[str, Any]:
    """The region's theme (``JEUGDREGIE_THEME``) for the base template."""
    return {"theme": configured_theme()}
