# SPDX-License-Identifier: EUPL-1.2
from django.db.models import QuerySet

from jeugdregie.accounts.models import User
from jeugdregie.notifications.models import Notification

__all__ = [
    "notifications_of",
    "unread_count",
]


def notifications_of(*, user: User) -> QuerySet[Notification]:
    """A user sees only the notifications addressed to them."""
    return Notification.objects.filter(user=user).order_by("-created_at", "-id")


def unread_count(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
