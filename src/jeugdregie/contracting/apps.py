# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractingConfig(AppConfig):
    name = "jeugdregie.contracting"
    label = "contracting"
    verbose_name = _("Contracting")
