# SPDX-License-Identifier: EUPL-1.2
"""iJw message exchange: maps between the ``ijw`` library and the domain services.

For now only the ``ijw_validate`` command; the inbox/outbox and processing follow (issue 3).
A verbose name (with its Dutch translation) comes with the first models and admin screens.
"""

from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "jeugdregie.messaging"
    label = "messaging"
