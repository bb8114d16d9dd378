# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "jeugdregie.notifications"
    label = "notifications"
    verbose_name = _("Notifications")
