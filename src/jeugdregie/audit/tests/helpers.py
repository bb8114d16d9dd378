# SPDX-License-Identifier: EUPL-1.2
"""Helpers for the audit tests: tampering with a log as an attacker with SQL access would."""

from io import StringIO
from typing import Any

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

ACCESS = "audit_accessrecord"
CHANGE = "audit_changerecord"


def tamper(table: str, sql: str, params: Any = ()) -> None:
    """Run ``sql`` on a log table; on PostgreSQL with its append-only trigger switched off
    for the moment (as the table's owner could), as an attacker who gets past it."""
    postgresql = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgresql:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no ALTER with checks pending
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only")
        cursor.execute(sql, params)
        if postgresql:
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_append_only")


def verify(*args: str) -> tuple[int, str]:
    """``jeugdregie audit_verify``: its exit code and output."""
    out = StringIO()
    try:
        call_command("audit_verify", *args, stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue() + str(error)
    return 0, out.getvalue()
