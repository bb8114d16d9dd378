# SPDX-License-Identifier: EUPL-1.2
"""``make run`` (scripts/run.sh) starts the web server, one worker and the scheduler on one
SQLite file, as on a fresh clone: ``/readyz/`` turns ready once the worker's first heartbeat
is in, and SIGTERM (Ctrl+C) stops all three."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

import jeugdregie

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="runs its own SQLite file; once is enough",
)

ROOT = Path(settings.PROJECT_DIR)
JEUGDREGIE = str(Path(sys.executable).with_name("jeugdregie"))


def _environment(var_dir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jeugdregie.conf.settings",
        "JEUGDREGIE_DEMO": "1",
        "JEUGDREGIE_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'jeugdregie.sqlite3'}",
        "PYTHONPATH": str(Path(jeugdregie.__file__).resolve().parents[1]),
    }
    env.pop("JEUGDREGIE_ENCRYPTION_KEYS", None)
    env.pop("JEUGDREGIE_BLIND_INDEX_KEY", None)
    return env


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _readyz(port: int) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz/", timeout=5) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read())
    except OSError:
        return 0, {}


def test_make_run_starts_the_web_server_a_worker_and_the_scheduler(tmp_path: Path):
    env = _environment(tmp_path)
    subprocess.run([JEUGDREGIE, "migrate", "--noinput", "-v0"], env=env, check=True)  # noqa: S603
    port = _free_port()
    log = tmp_path / "run.log"
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603
            ["bash", str(ROOT / "scripts" / "run.sh"), JEUGDREGIE, f"127.0.0.1:{port}"],  # noqa: S607
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        status, body = _readyz(port)
        while status != 200 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(1)
            status, body = _readyz(port)
        assert status == 200, log.read_text()
        assert body["checks"] == {
            "database": True,
            "migrations": True,
            "keys": True,
            "worker": True,
        }
        text = log.read_text()
        assert "Starting worker" in text
        assert "Planner gestart" in text
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    assert _readyz(port) == (0, {})  # the web server stopped with it
