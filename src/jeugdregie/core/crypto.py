# SPDX-License-Identifier: EUPL-1.2
"""Encryption of personal data at rest and keyed hashes (blind indexes) for exact lookup.

Keys come from the environment (``JEUGDREGIE_ENCRYPTION_KEYS``, comma-separated Fernet keys,
the first one encrypts, all decrypt, so keys can be rotated; ``JEUGDREGIE_BLIND_INDEX_KEY``).
When they are not set, a development key file is generated under ``var/keys/`` on first use.
The Django ``SECRET_KEY`` is never used for personal data.
"""

import base64
import hashlib
import hmac
import json
import secrets
from functools import cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class DecryptionError(Exception):
    """Ciphertext could not be decrypted with any configured key."""


def _development_keys(path: Path) -> dict[str, str]:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        keys = {
            "encryption_keys": [Fernet.generate_key().decode()],
            "blind_index_key": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        }
        path.write_text(json.dumps(keys, indent=2))
        path.chmod(0o600)
    data: dict[str, str] = json.loads(path.read_text())
    return data


@cache
def _keys() -> tuple[MultiFernet, bytes]:
    encryption_keys: list[str] = list(settings.JEUGDREGIE_ENCRYPTION_KEYS)
    blind_key: str = settings.JEUGDREGIE_BLIND_INDEX_KEY
    if not encryption_keys or not blind_key:
        dev = _development_keys(Path(settings.JEUGDREGIE_KEY_FILE))
        encryption_keys = encryption_keys or list(dev["encryption_keys"])
        blind_key = blind_key or dev["blind_index_key"]
    if blind_key == settings.SECRET_KEY or settings.SECRET_KEY in encryption_keys:
        raise ImproperlyConfigured("Personal-data keys must differ from DJANGO_SECRET_KEY.")
    return MultiFernet([Fernet(k.encode()) for k in encryption_keys]), base64.urlsafe_b64decode(
        blind_key.encode()
    )


def reset_key_cache() -> None:
    _keys.cache_clear()


def encrypt(plaintext: str) -> str:
    return _keys()[0].encrypt(plaintext.encode()).decode()


def decrypt(ciphertext: str) -> str:
    try:
        return _keys()[0].decrypt(ciphertext.encode()).decode()
    except InvalidToken as exc:
        raise DecryptionError("personal data could not be decrypted") from exc


def encrypt_bytes(plaintext: bytes) -> str:
    return _keys()[0].encrypt(plaintext).decode()


def decrypt_bytes(ciphertext: str) -> bytes:
    try:
        return _keys()[0].decrypt(ciphertext.encode())
    except InvalidToken as exc:
        raise DecryptionError("personal data could not be decrypted") from exc


def blind_index(value: str, *, purpose: str) -> str:
    """A keyed hash of a normalised value; ``purpose`` separates the index spaces."""
    key = _keys()[1]
    message = f"{purpose}:{value}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def blind_index_key_version() -> str:
    """Which blind-index key made a keyed hash: the first 8 hex digits of the key's SHA-256.

    Stored beside keyed hashes that are kept for long (the audit log), so a hash made with
    an earlier key can be told apart after the key is rotated.
    """
    return hashlib.sha256(_keys()[1]).hexdigest()[:8]
