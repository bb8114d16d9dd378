# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "jeugdregie.jobs"
    label = "jobs"
    verbose_name = _("Background jobs")

    def ready(self) -> None:
        # /readyz/ asks for a live worker: the check is this app's (it owns the heartbeats),
        # the list of checks is core's (the bottom layer cannot import this app).
        from jeugdregie.core.health import check_register
        from jeugdregie.jobs.selectors import worker_heartbeat_fresh

        check_register("worker", worker_heartbeat_fresh)
