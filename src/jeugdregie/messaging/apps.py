# SPDX-License-Identifier: EUPL-1.2
"""iJw message exchange: inbox, processing, outbox and the worklists fed by messages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "jeugdregie.messaging"
    label = "messaging"
    verbose_name = _("Message exchange (iJw)")
