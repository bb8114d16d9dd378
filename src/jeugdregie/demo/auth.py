# SPDX-License-Identifier: EUPL-1.2
"""The published demo password opens nothing outside demo mode.

``DemoPasswordRefusalBackend`` stands before the password backend in
``AUTHENTICATION_BACKENDS``: outside demo mode (``JEUGDREGIE_DEMO``) a sign-in with the
published password is refused for every username, whatever the stored hash says (a database
copied from a demo, an account created with it by hand). ``NotTheDemoPasswordValidator``
refuses it as a new password there.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import BaseBackend, ModelBackend
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from jeugdregie.demo.constants import DEMO_PASSWORD


def is_published_demo_password(password: object) -> bool:
    return isinstance(password, str) and constant_time_compare(password, DEMO_PASSWORD)


class DemoPasswordRefusalBackend(BaseBackend):
    """Ends the sign-in (``PermissionDenied`` stops Django's backend chain; the attempt counts
    as a failed login) when the published demo password is used outside demo mode."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if not settings.JEUGDREGIE_DEMO and is_published_demo_password(password):
            raise PermissionDenied

    def get_user(self, user_id: Any) -> Any:
        """A session names the first backend when none authenticated (``force_login``)."""
        return ModelBackend().get_user(user_id)


class NotTheDemoPasswordValidator:
    """Outside demo mode the published demo password is not a password anyone may choose."""

    def validate(self, password: str, user: object = None) -> None:
        if not settings.JEUGDREGIE_DEMO and is_published_demo_password(password):
            raise ValidationError(
                _("This is the published password of the demo; choose another one."),
                code="demo_password",
            )

    def get_help_text(self) -> str:
        return _("Your password cannot be the published password of the demo.")
