# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuthenticationConfig(AppConfig):
    name = "jeugdregie.authentication"
    label = "authentication"
    verbose_name = _("Sign-in")

    def ready(self) -> None:
        from django.contrib.auth import signals

        from jeugdregie.authentication import checks  # noqa: F401  (registers the checks)
        from jeugdregie.authentication.middleware import activity_start

        signals.user_logged_in.connect(activity_start, dispatch_uid="authentication.activity")
