# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "jeugdregie.demo"
    label = "demo"
    verbose_name = _("Demo region")
