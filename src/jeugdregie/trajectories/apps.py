# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrajectoriesConfig(AppConfig):
    name = "jeugdregie.trajectories"
    label = "trajectories"
    verbose_name = _("Trajectories (perceel 2)")
