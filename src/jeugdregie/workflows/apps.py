# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "jeugdregie.workflows"
    label = "workflows"
    verbose_name = _("Workflows")

    def ready(self) -> None:
        from jeugdregie.workflows import messages

        messages.answerers_register()
