# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "jeugdregie.core"
    label = "core"

    def ready(self) -> None:
        from django.conf import settings

        from jeugdregie.core import checks  # noqa: F401  (registers the checks)
        from jeugdregie.core.policy import local_dir_register

        local_dir_register(lambda: getattr(settings, "JEUGDREGIE_POLICY_DIR", ""))
