# SPDX-License-Identifier: EUPL-1.2
"""OpenAPI: the bearer-token scheme, and the scope each operation needs."""

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema

from jeugdregie.apiclients.permissions import required_scope


class ApiClientTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "jeugdregie.apiclients.authentication.ApiClientAuthentication"
    name = "apiClientToken"

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, Any]:
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "jr_<prefix>_<secret>",
            "description": (
                "Token of a registered API client, sent as `Authorization: Bearer <token>`. "
                "The functional administrator or contract management of the region registers "
                "the client for one organisation and chooses its scopes; the token is shown "
                "once. Each operation names the scope it needs. HTTP Basic is not accepted."
            ),
        }


class ScopedAutoSchema(AutoSchema):
    """Adds the scope an API client needs to each operation's description; pages only GETs."""

    def get_description(self) -> str:  # type: ignore[override]
        description: str = super().get_description() or ""
        scope = required_scope(self.view, self.method)
        if scope is None:
            return description
        note = f"Scope for API clients: `{scope}`."
        return f"{description}\n\n{note}" if description else note

    def _get_paginator(self) -> Any:
        # DRF pages only what ``list()`` answers, a GET: the list a POST answers (the entries
        # a waiting-list report created) is not paged, whatever the view's pagination class.
        if self.method != "GET":
            return None
        return super()._get_paginator()  # type: ignore[no-untyped-call]
