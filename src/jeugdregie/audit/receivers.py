# SPDX-License-Identifier: EUPL-1.2
"""Sign-in events from Django (and the lockout from django-axes) into the access log.

Connected in ``AuditConfig.ready``: these are Django's hooks for exactly this.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest

from jeugdregie.accounts.models import User
from jeugdregie.audit.constants import AccessEvent
from jeugdregie.audit.services import security_event_create


def _named(username: str) -> User | None:
    if not username:
        return None
    user = get_user_model()._default_manager.filter(username=username).first()
    return user if isinstance(user, User) else None


def _request(value: Any) -> HttpRequest | None:
    return value if isinstance(value, HttpRequest) else None


def on_logged_in(sender: object, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    security_event_create(
        event=AccessEvent.LOGIN,
        user=user if isinstance(user, User) else None,
        request=_request(request),
    )


def on_logged_out(sender: object, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    if not isinstance(user, User):
        return  # nobody was signed in
    security_event_create(event=AccessEvent.LOGOUT, user=user, request=_request(request))


def on_login_failed(
    sender: object, credentials: dict[str, Any] | None = None, request: Any = None, **kwargs: Any
) -> None:
    username = str((credentials or {}).get(get_user_model().USERNAME_FIELD) or "")
    security_event_create(
        event=AccessEvent.LOGIN_FAILED,
        user=_named(username),
        username=username,
        request=_request(request),
    )


def on_locked_out(
    sender: object, request: Any = None, username: Any = None, ip_address: Any = None, **kwargs: Any
) -> None:
    name = str(username or "")
    security_event_create(
        event=AccessEvent.LOCKOUT,
        user=_named(name),
        username=name,
        request=_request(request),
        ip=str(ip_address or ""),
    )
