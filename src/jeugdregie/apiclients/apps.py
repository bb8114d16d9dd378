# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiClientsConfig(AppConfig):
    name = "jeugdregie.apiclients"
    label = "apiclients"
    verbose_name = _("API clients")

    def ready(self) -> None:
        # Registers the OpenAPI description of the token scheme with drf-spectacular.
        from jeugdregie.apiclients import schema  # noqa: F401
