# SPDX-License-Identifier: EUPL-1.2
"""For tests whose tasks run in real worker processes: the environment that makes a
``jeugdregie worker`` (or ``ijw_import``) use the test's database, keys and code list."""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import connection

import jeugdregie


def database_url() -> str:
    """The URL of the database the test uses: $DATABASE_URL with the test database's name."""
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    given = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(given._replace(path=f"/{db['NAME']}"))


def worker_environment() -> dict[str, str]:
    """The product's settings (tasks in the database, not run at once), on the test's
    database, with the personal-data keys and CBS list the root conftest gave the test."""
    key_file = Path(settings.JEUGDREGIE_KEY_FILE)
    assert key_file.parent.name == "keys", "VAR_DIR/keys/personal-data.json"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jeugdregie.conf.settings",
        "JEUGDREGIE_DEMO": "1",
        "DATABASE_URL": database_url(),
        "JEUGDREGIE_VAR_DIR": str(key_file.parent.parent),
        "JEUGDREGIE_CBS_CODES_FILE": str(settings.JEUGDREGIE_CBS_CODES_FILE),
        "JEUGDREGIE_POLICY_DIR": "",
        "PYTHONPATH": str(Path(jeugdregie.__file__).resolve().parents[1]),  # this source
    }


DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "ijw"]}
}
