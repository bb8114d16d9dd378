# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllocationsConfig(AppConfig):
    name = "jeugdregie.allocations"
    label = "allocations"
    verbose_name = _("Allocations")
