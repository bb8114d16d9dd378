# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WaitingListsConfig(AppConfig):
    name = "jeugdregie.waitinglists"
    label = "waitinglists"
    verbose_name = _("Waiting lists")
