# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "jeugdregie.budgets"
    label = "budgets"
    verbose_name = _("Budget ceilings")
