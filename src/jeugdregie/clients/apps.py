# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClientsConfig(AppConfig):
    name = "jeugdregie.clients"
    label = "clients"
    verbose_name = _("Youth")
