# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "AccessEvent",
    "AccessPurpose",
    "ChangeAction",
    "Log",
]


class AccessPurpose(models.TextChoices):
    SEARCH = "search", _("Search result")
    DETAIL = "detail", _("Detail page")
    LIST = "list", _("List")
    EXPORT = "export", _("Export")
    API = "api", _("API")
    AUDIT = "audit", _("Privacy audit")


class AccessEvent(models.TextChoices):
    """What an access record records: a read of personal data or a security event."""

    READ = "read", _("Read of personal data")
    DENIED = "denied", _("Access denied")
    LOGIN = "login", _("Signed in")
    LOGOUT = "logout", _("Signed out")
    LOGIN_FAILED = "login_failed", _("Sign-in failed")
    LOCKOUT = "lockout", _("Locked out")
    EXPORT = "export", _("Export")


class ChangeAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")


class Log(models.TextChoices):
    """The two hash-chained logs."""

    ACCESS = "access", _("Access log")
    CHANGE = "change", _("Change log")
