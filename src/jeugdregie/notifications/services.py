# SPDX-License-Identifier: EUPL-1.2
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from jeugdregie.accounts.models import User
from jeugdregie.notifications.models import Notification

__all__ = [
    "notifications_mark_read",
    "notifications_send",
]


@transaction.atomic
def notifications_send(
    *, users: Iterable[User], subject: str, text: str, link: str = ""
) -> list[Notification]:
    """One notification per user (each user once)."""
    unique = {user.pk: user for user in users}
    return Notification.objects.bulk_create(
        [
            Notification(user=user, subject=subject[:200], text=text, link=link)
            for user in unique.values()
        ]
    )


def notifications_mark_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
