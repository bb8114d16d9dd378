# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessPurpose(models.TextChoices):
    SEARCH = "search", _("Search result")
    DETAIL = "detail", _("Detail page")
    LIST = "list", _("List")
    EXPORT = "export", _("Export")
    API = "api", _("API")
    AUDIT = "audit", _("Privacy audit")


class ChangeAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
