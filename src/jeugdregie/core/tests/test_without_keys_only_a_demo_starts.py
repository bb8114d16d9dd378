# SPDX-License-Identifier: EUPL-1.2
"""Outside demo mode jeugdregie refuses to start without the personal-data keys in the
environment, naming the variables and how to make a key: the system check (``check``,
runserver, migrate and the other commands), the WSGI module (gunicorn) and the first use.
In demo mode it makes its own keys under var/ and warns that it did."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured

import jeugdregie
from jeugdregie.core import crypto, health

BLIND = "c2VjcmV0LWJsaW5kLWluZGV4LWtleS0zMi1ieXRlcyE="
OTHER_BLIND = "YW5vdGhlci1ibGluZC1pbmRleC1rZXktMzItYnl0ZXM="


def _e301() -> list[str]:
    return [m.msg for m in run_checks() if m.id == "jeugdregie.E301"]


def test_outside_demo_mode_missing_keys_stop_the_start_with_the_variables_named(settings, tmp_path):
    settings.JEUGDREGIE_DEMO = False
    settings.JEUGDREGIE_KEY_FILE = str(tmp_path / "keys" / "personal-data.json")

    (problem,) = _e301()
    for name in ("JEUGDREGIE_ENCRYPTION_KEYS", "JEUGDREGIE_BLIND_INDEX_KEYS"):
        assert name in problem
    assert "Fernet.generate_key()" in problem  # how to make one
    with pytest.raises(ImproperlyConfigured, match="JEUGDREGIE_ENCRYPTION_KEYS"):
        crypto.encrypt("999990019")
    with pytest.raises(ImproperlyConfigured):
        crypto.keys_load()
    assert health.keys_loaded() is False
    assert not (tmp_path / "keys").exists()  # no key is made outside demo mode


def test_one_missing_key_is_named_alone(settings):
    settings.JEUGDREGIE_DEMO = False
    settings.JEUGDREGIE_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    (problem,) = _e301()
    assert "JEUGDREGIE_BLIND_INDEX_KEYS (or JEUGDREGIE_BLIND_INDEX_KEY) not set" in problem
    assert "JEUGDREGIE_ENCRYPTION_KEYS" not in problem.split(" not set")[0]


@pytest.mark.parametrize("variable", ["JEUGDREGIE_BLIND_INDEX_KEYS", "JEUGDREGIE_BLIND_INDEX_KEY"])
def test_with_keys_in_the_environment_it_starts(settings, variable):
    settings.JEUGDREGIE_DEMO = False
    settings.JEUGDREGIE_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    setattr(settings, variable, [BLIND] if variable.endswith("KEYS") else BLIND)

    assert _e301() == []
    crypto.keys_load()
    assert crypto.decrypt(crypto.encrypt("geheim")) == "geheim"


def test_both_blind_index_variables_at_once_are_refused(settings):
    settings.JEUGDREGIE_DEMO = False
    settings.JEUGDREGIE_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    settings.JEUGDREGIE_BLIND_INDEX_KEYS = [OTHER_BLIND]
    settings.JEUGDREGIE_BLIND_INDEX_KEY = BLIND

    (problem,) = _e301()
    assert "not both" in problem


def test_in_demo_mode_keys_are_generated_under_var_with_a_warning(settings, tmp_path, caplog):
    settings.JEUGDREGIE_DEMO = True
    settings.JEUGDREGIE_KEY_FILE = str(tmp_path / "var" / "keys" / "personal-data.json")

    assert _e301() == []
    with caplog.at_level(logging.WARNING, logger="jeugdregie.core.crypto"):
        assert crypto.decrypt(crypto.encrypt("geheim")) == "geheim"

    assert (tmp_path / "var" / "keys" / "personal-data.json").stat().st_mode & 0o777 == 0o600
    (warning,) = [r for r in caplog.records if r.name == "jeugdregie.core.crypto"]
    assert warning.levelno == logging.WARNING
    assert "Demo mode" in warning.getMessage()
    assert "personal-data.json" in warning.getMessage()


def _jeugdregie_process(tmp_path: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jeugdregie.conf.settings",
        "JEUGDREGIE_DEMO": "0",
        "JEUGDREGIE_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PYTHONPATH": str(Path(jeugdregie.__file__).resolve().parents[1]),
    }
    for name in ("JEUGDREGIE_ENCRYPTION_KEYS", "JEUGDREGIE_BLIND_INDEX_KEYS"):
        env.pop(name, None)
    env.pop("JEUGDREGIE_BLIND_INDEX_KEY", None)
    return subprocess.run(  # noqa: S603
        [sys.executable, *command], env=env, capture_output=True, text=True, check=False
    )


def test_neither_the_web_server_nor_a_command_starts_without_keys(tmp_path):
    web = _jeugdregie_process(tmp_path, "-c", "import jeugdregie.conf.wsgi")
    assert web.returncode != 0
    assert "ImproperlyConfigured" in web.stderr
    assert "JEUGDREGIE_ENCRYPTION_KEYS" in web.stderr

    command = _jeugdregie_process(tmp_path, "-m", "jeugdregie.manage", "migrate", "--noinput")
    assert command.returncode != 0
    assert "jeugdregie.E301" in command.stderr
    assert "JEUGDREGIE_BLIND_INDEX_KEYS" in command.stderr
    assert not (tmp_path / "keys" / "personal-data.json").exists()  # none made outside a demo
