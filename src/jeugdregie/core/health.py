# SPDX-License-Identifier: EUPL-1.2
"""Is this process ready for requests? What a load balancer's ``/readyz/`` asks.

Each check answers True or False and never raises: the database answers a query, every
migration is applied, and the personal-data keys are loaded (a value encrypts and decrypts).
An app higher up adds its own check with ``check_register`` when it is loaded (the jobs app:
a worker's heartbeat is recent). ``/healthz/`` asks nothing: it answers while the process runs.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

from jeugdregie.core import crypto

__all__ = [
    "CHECKS",
    "check_register",
    "database_reachable",
    "keys_loaded",
    "migrations_applied",
    "readiness",
]

PROBE = "jeugdregie readiness probe"


def database_reachable(using: str = DEFAULT_DB_ALIAS) -> bool:
    """A connection is made (or kept) and the database answers on it."""
    connection = connections[using]
    try:
        connection.ensure_connection()
        return connection.is_usable()
    except DatabaseError:
        return False


def migrations_applied(using: str = DEFAULT_DB_ALIAS) -> bool:
    """No migration of the code is missing from the database."""
    try:
        executor = MigrationExecutor(connections[using])
        return not executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return False


def keys_loaded() -> bool:
    """The personal-data keys are there and usable (a bad key is a ValueError)."""
    try:
        return crypto.decrypt(crypto.encrypt(PROBE)) == PROBE
    except (ImproperlyConfigured, ValueError, OSError, crypto.DecryptionError):
        return False


CHECKS: dict[str, Callable[[], bool]] = {
    "database": database_reachable,
    "migrations": migrations_applied,
    "keys": keys_loaded,
}


def check_register(name: str, check: Callable[[], bool]) -> None:
    """Add a check (by an app's ``ready()``); it answers True or False and never raises."""
    CHECKS[name] = check


def readiness() -> dict[str, bool]:
    """Every check by name; a check that cannot reach the database counts as failed."""
    return {name: check() for name, check in CHECKS.items()}
