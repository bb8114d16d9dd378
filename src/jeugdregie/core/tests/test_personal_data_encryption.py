# SPDX-License-Identifier: EUPL-1.2
import json
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from jeugdregie.core import crypto


def test_encryption_round_trip_is_not_deterministic():
    first, second = crypto.encrypt("999990019"), crypto.encrypt("999990019")
    assert first != second
    assert "999990019" not in first
    assert crypto.decrypt(first) == crypto.decrypt(second) == "999990019"


def test_blind_index_is_keyed_and_separated_by_purpose():
    assert crypto.blind_index("x", purpose="bsn") == crypto.blind_index("x", purpose="bsn")
    assert crypto.blind_index("x", purpose="bsn") != crypto.blind_index("x", purpose="name")


def test_development_key_file_is_created_private(settings, tmp_path: Path):
    settings.JEUGDREGIE_KEY_FILE = str(tmp_path / "keys.json")
    crypto.reset_key_cache()
    crypto.encrypt("a")
    key_file = tmp_path / "keys.json"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert json.loads(key_file.read_text())["encryption_keys"]


def test_keys_from_the_environment_rotate(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.JEUGDREGIE_ENCRYPTION_KEYS = [old]
    settings.JEUGDREGIE_BLIND_INDEX_KEY = "c2VjcmV0LWJsaW5kLWluZGV4LWtleS0zMi1ieXRlcyE="
    crypto.reset_key_cache()
    token = crypto.encrypt("geheim")
    settings.JEUGDREGIE_ENCRYPTION_KEYS = [new, old]  # new key first, old still decrypts
    crypto.reset_key_cache()
    assert crypto.decrypt(token) == "geheim"
    settings.JEUGDREGIE_ENCRYPTION_KEYS = [new]
    crypto.reset_key_cache()
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(token)


def test_the_django_secret_key_is_never_a_personal_data_key(settings):
    settings.JEUGDREGIE_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    settings.JEUGDREGIE_BLIND_INDEX_KEY = settings.SECRET_KEY
    crypto.reset_key_cache()
    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt("x")
