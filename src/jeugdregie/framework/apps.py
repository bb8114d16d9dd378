# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworkConfig(AppConfig):
    name = "jeugdregie.framework"
    label = "framework"
    verbose_name = _("Decision framework")
