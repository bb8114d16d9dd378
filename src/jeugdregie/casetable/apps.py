# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasetableConfig(AppConfig):
    name = "jeugdregie.casetable"
    label = "casetable"
    verbose_name = _("Expert table")
