# SPDX-License-Identifier: EUPL-1.2
"""Fixtures of the cross-app tests: one world per module for the long tables."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings
from pytest_django import DjangoDbBlocker

from jeugdregie.core import crypto
from jeugdregie.regions import codelists
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World, build_world
from tests.routes import ROLE_COLUMNS


@pytest.fixture(scope="module")
def module_world(
    django_db_setup: None,
    django_db_blocker: DjangoDbBlocker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[World]:
    """The world of ``build_world``, built once for the whole module.

    It lives in a transaction that is rolled back when the module is done; each test (with
    the ``db`` fixture) runs in a savepoint inside it, so a test's writes do not reach the
    next test. The keys and code list are the ones the root conftest gives every test.
    """
    with _module_database(django_db_blocker, tmp_path_factory):
        yield build_world()


@contextmanager
def _module_database(
    django_db_blocker: DjangoDbBlocker, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """A transaction for a module's rows, rolled back when the module is done, with the keys
    and code list the root conftest gives every test."""
    base: Path = tmp_path_factory.getbasetemp()
    cbs_file = base / "cbs.csv"
    if not cbs_file.exists():
        from conftest import CBS_SAMPLE

        cbs_file.write_text(CBS_SAMPLE, encoding="utf-8")
    files = override_settings(
        JEUGDREGIE_KEY_FILE=str(base / "keys" / "personal-data.json"),
        JEUGDREGIE_CBS_CODES_FILE=str(cbs_file),
        JEUGDREGIE_POLICY_DIR="",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    with django_db_blocker.unblock(), files:
        crypto.reset_key_cache()
        codelists.clear_cache()
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
        crypto.reset_key_cache()
        codelists.clear_cache()


@pytest.fixture(scope="module")
def module_demo(
    django_db_setup: None,
    django_db_blocker: DjangoDbBlocker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """The small demo (``demo_seed`` at the small scale), built once for the whole module
    and rolled back like ``module_world``; sign in as its ``DEMO_LOGINS``."""
    from jeugdregie.demo.constants import DEFAULT_SEED, Scale
    from jeugdregie.demo.services import demo_seed

    with _module_database(django_db_blocker, tmp_path_factory):
        demo_seed(scale=Scale.SMALL, seed=DEFAULT_SEED, year=2025)
        yield


@pytest.fixture(scope="module")
def clients(module_world: World, django_db_blocker: DjangoDbBlocker) -> dict[str | None, Client]:
    """A signed-in client per role (signed in once: a new client costs a quarter second),
    and an anonymous one under ``None``."""
    signed_in: dict[str | None, Client] = {None: Client()}
    with django_db_blocker.unblock():
        for role in ROLE_COLUMNS:
            signed_in[role] = Client()
            sign_in(signed_in[role], module_world.users[role])
    return signed_in
