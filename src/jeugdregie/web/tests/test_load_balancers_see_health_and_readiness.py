# SPDX-License-Identifier: EUPL-1.2
"""``/healthz/`` and ``/readyz/`` for load balancers: open to anyone, nothing personal, never
cached; ``/readyz/`` turns 503 and names the check when the database lacks a migration or the
personal-data keys cannot be used."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client

from jeugdregie.audit.models import AccessRecord
from jeugdregie.core import crypto

pytestmark = pytest.mark.django_db


@pytest.fixture
def broken_keys(settings: Any) -> Iterator[None]:
    settings.JEUGDREGIE_ENCRYPTION_KEYS = ["not-a-fernet-key"]
    crypto.reset_key_cache()
    yield
    crypto.reset_key_cache()


def test_healthz_answers_anyone_while_the_process_runs(client: Client):
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response.headers["Cache-Control"]


def test_readyz_is_ready_when_database_migrations_and_keys_are(client: Client):
    logged_before = AccessRecord.objects.count()

    response = client.get("/readyz/")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {"database": True, "migrations": True, "keys": True},
    }
    assert "no-store" in response.headers["Cache-Control"]
    assert AccessRecord.objects.count() == logged_before  # a probe is no access to data


def test_readyz_is_503_while_a_migration_is_missing(client: Client):
    latest = MigrationRecorder.Migration.objects.filter(app="audit").order_by("-id").first()
    assert latest is not None
    latest.delete()

    response = client.get("/readyz/")

    assert response.status_code == 503
    assert response.json() == {
        "status": "not ready",
        "checks": {"database": True, "migrations": False, "keys": True},
    }


def test_readyz_is_503_when_the_keys_cannot_be_used(client: Client, broken_keys: None):
    response = client.get("/readyz/")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": True, "migrations": True, "keys": False}


@pytest.mark.parametrize("path", ["/healthz/", "/readyz/"])
def test_the_probes_only_answer_get(client: Client, path: str):
    assert client.post(path).status_code == 405
