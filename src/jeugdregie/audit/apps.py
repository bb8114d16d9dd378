# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "jeugdregie.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from django.contrib.auth import signals

        from jeugdregie.audit import receivers

        uid = "jeugdregie.audit"
        signals.user_logged_in.connect(receivers.on_logged_in, dispatch_uid=f"{uid}.login")
        signals.user_logged_out.connect(receivers.on_logged_out, dispatch_uid=f"{uid}.logout")
        signals.user_login_failed.connect(
            receivers.on_login_failed, dispatch_uid=f"{uid}.login_failed"
        )
        if apps.is_installed("axes"):
            from axes.signals import user_locked_out

            user_locked_out.connect(receivers.on_locked_out, dispatch_uid=f"{uid}.lockout")
