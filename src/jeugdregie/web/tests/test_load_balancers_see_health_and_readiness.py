# SPDX-License-Identifier: EUPL-1.2
"""``/healthz/`` and ``/readyz/`` for load balancers: open to anyone, nothing personal, never
cached; ``/readyz/`` turns 503 and names the check when the database lacks a migration, the
personal-data keys cannot be used or no worker's heartbeat is recent enough."""

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client
from django.utils import timezone

from jeugdregie.audit.models import AccessRecord
from jeugdregie.core import crypto
from jeugdregie.jobs.models import WorkerHeartbeat
from jeugdregie.jobs.services import worker_heartbeat_record

pytestmark = pytest.mark.django_db

ALL_READY = {"database": True, "migrations": True, "keys": True, "worker": True}


@pytest.fixture(autouse=True)
def worker_alive() -> WorkerHeartbeat:
    """A worker reported just now (``jeugdregie worker`` does every 30 seconds)."""
    return worker_heartbeat_record(name="worker-1")


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
        "checks": ALL_READY,
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
        "checks": {**ALL_READY, "migrations": False},
    }


def test_readyz_is_503_when_the_keys_cannot_be_used(client: Client, broken_keys: None):
    response = client.get("/readyz/")

    assert response.status_code == 503
    assert response.json()["checks"] == {**ALL_READY, "keys": False}


def test_readyz_is_503_when_the_newest_heartbeat_is_older_than_its_limit(
    client: Client, settings: Any, worker_alive: WorkerHeartbeat
):
    settings.JEUGDREGIE_WORKER_HEARTBEAT_MAX_AGE = 300
    worker_alive.last_seen = timezone.now() - dt.timedelta(seconds=299)
    worker_alive.save()
    assert client.get("/readyz/").status_code == 200

    worker_alive.last_seen = timezone.now() - dt.timedelta(seconds=301)
    worker_alive.save()
    response = client.get("/readyz/")

    assert response.status_code == 503
    assert response.json() == {"status": "not ready", "checks": {**ALL_READY, "worker": False}}


def test_readyz_is_503_when_no_worker_ever_reported(client: Client):
    WorkerHeartbeat.objects.all().delete()

    response = client.get("/readyz/")

    assert response.status_code == 503
    assert response.json()["checks"]["worker"] is False


@pytest.mark.parametrize("path", ["/healthz/", "/readyz/"])
def test_the_probes_only_answer_get(client: Client, path: str):
    assert client.post(path).status_code == 405
