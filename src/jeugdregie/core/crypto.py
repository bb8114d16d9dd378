# SPDX-License-Identifier: EUPL-1.2
"""Encryption of personal data at rest and keyed hashes (blind indexes) for exact lookup.

Keys come from the environment: ``JEUGDREGIE_ENCRYPTION_KEYS`` (comma-separated Fernet
keys; the first one encrypts, all decrypt, so keys can be rotated with ``jeugdregie
keys_rotate``) and ``JEUGDREGIE_BLIND_INDEX_KEYS`` (comma-separated, newest first; the
newest makes new keyed hashes) or, for one key, ``JEUGDREGIE_BLIND_INDEX_KEY``. Every
blind-index key has a version: the first 8 hex digits of its SHA-256.

Outside demo mode the application refuses to start without them (system check E301,
``keys_load`` in the WSGI module, and ``ImproperlyConfigured`` on first use). In demo mode
(``JEUGDREGIE_DEMO=1``) missing keys come from a key file generated under ``var/keys/``,
with a warning. The Django ``SECRET_KEY`` is never used for personal data.
"""

import base64
import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

ENCRYPTION_KEYS = "JEUGDREGIE_ENCRYPTION_KEYS"
BLIND_INDEX_KEYS = "JEUGDREGIE_BLIND_INDEX_KEYS"
BLIND_INDEX_KEY = "JEUGDREGIE_BLIND_INDEX_KEY"
HOW_TO_MAKE_KEYS = (
    "Make an encryption key with: python -c 'from cryptography.fernet import Fernet; "
    "print(Fernet.generate_key().decode())' and a blind-index key with: python -c "
    "'import base64, secrets; print(base64.urlsafe_b64encode(secrets.token_bytes(32))"
    ".decode())'. Keep both apart from the database backup (README, 'Sleutels en "
    "versleuteling'). Only a demo (JEUGDREGIE_DEMO=1) makes its own keys under var/keys/."
)


class DecryptionError(Exception):
    """Ciphertext could not be decrypted with any configured key."""


@dataclass(frozen=True)
class _Keys:
    encryption: tuple[Fernet, ...]  # newest first
    blind_index: tuple[bytes, ...]  # newest first

    @property
    def multi(self) -> MultiFernet:
        return MultiFernet(list(self.encryption))


def _configured_blind_index_keys() -> list[str]:
    keys = list(getattr(settings, BLIND_INDEX_KEYS, []))
    single: str = getattr(settings, BLIND_INDEX_KEY, "")
    if keys and single:
        raise ImproperlyConfigured(
            f"Set either {BLIND_INDEX_KEYS} (newest first) or {BLIND_INDEX_KEY}, not both."
        )
    return keys or ([single] if single else [])


def keys_problem() -> str:
    """What keeps the application from starting, or "" (nothing; or demo mode, which makes
    its own keys). Reads the configuration only: no key file is made."""
    if settings.JEUGDREGIE_DEMO:
        return ""
    try:
        blind_index_keys = _configured_blind_index_keys()
    except ImproperlyConfigured as error:
        return str(error)
    missing = [
        name
        for name, present in (
            (ENCRYPTION_KEYS, bool(list(settings.JEUGDREGIE_ENCRYPTION_KEYS))),
            (f"{BLIND_INDEX_KEYS} (or {BLIND_INDEX_KEY})", bool(blind_index_keys)),
        )
        if not present
    ]
    if not missing:
        return ""
    return (
        f"Personal-data keys missing: {' and '.join(missing)} not set. jeugdregie does not "
        f"start without them outside demo mode. {HOW_TO_MAKE_KEYS}"
    )


def _development_keys(path: Path) -> dict[str, str]:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        keys = {
            "encryption_keys": [Fernet.generate_key().decode()],
            "blind_index_key": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        }
        path.write_text(json.dumps(keys, indent=2))
        path.chmod(0o600)
        logger.warning(
            "Demo mode: personal-data keys generated in %s. Never use them for real data; "
            "a real installation sets %s and %s.",
            path,
            ENCRYPTION_KEYS,
            BLIND_INDEX_KEYS,
        )
    else:
        logger.warning("Demo mode: personal-data keys read from %s (not for real data).", path)
    data: dict[str, str] = json.loads(path.read_text())
    return data


@cache
def _keys() -> _Keys:
    encryption_keys: list[str] = list(settings.JEUGDREGIE_ENCRYPTION_KEYS)
    blind_keys = _configured_blind_index_keys()
    if not encryption_keys or not blind_keys:
        if problem := keys_problem():
            raise ImproperlyConfigured(problem)
        dev = _development_keys(Path(settings.JEUGDREGIE_KEY_FILE))
        encryption_keys = encryption_keys or list(dev["encryption_keys"])
        blind_keys = blind_keys or [dev["blind_index_key"]]
    if settings.SECRET_KEY in (*blind_keys, *encryption_keys):
        raise ImproperlyConfigured("Personal-data keys must differ from DJANGO_SECRET_KEY.")
    return _Keys(
        encryption=tuple(Fernet(k.encode()) for k in encryption_keys),
        blind_index=tuple(base64.urlsafe_b64decode(k.encode()) for k in blind_keys),
    )


def reset_key_cache() -> None:
    _keys.cache_clear()


def keys_load() -> None:
    """Load the keys now (process start): ImproperlyConfigured when they are missing outside
    demo mode, ValueError when one is not a valid key."""
    _keys()


def encrypt(plaintext: str) -> str:
    return _keys().multi.encrypt(plaintext.encode()).decode()


def decrypt(ciphertext: str) -> str:
    return decrypt_bytes(ciphertext).decode()


def encrypt_bytes(plaintext: bytes) -> str:
    return _keys().multi.encrypt(plaintext).decode()


def decrypt_bytes(ciphertext: str) -> bytes:
    try:
        return _keys().multi.decrypt(ciphertext.encode())
    except InvalidToken as exc:
        raise DecryptionError("personal data could not be decrypted") from exc


def is_current(ciphertext: str) -> bool:
    """Whether the newest encryption key alone decrypts ``ciphertext`` (nothing to rotate)."""
    try:
        _keys().encryption[0].decrypt(ciphertext.encode())
    except InvalidToken:
        return False
    return True


def rotate(ciphertext: str) -> str:
    """The same plaintext encrypted with the newest key (decrypted with any key)."""
    try:
        return _keys().multi.rotate(ciphertext.encode()).decode()
    except InvalidToken as exc:
        raise DecryptionError("personal data could not be decrypted") from exc


def _version(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:8]


def _hash(key: bytes, value: str, purpose: str) -> str:
    return hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def blind_index(value: str, *, purpose: str) -> str:
    """A keyed hash of a normalised value with the newest blind-index key; ``purpose``
    separates the index spaces."""
    return _hash(_keys().blind_index[0], value, purpose)


def blind_indexes(value: str, *, purpose: str) -> dict[str, str]:
    """The keyed hash of a value under every configured blind-index key, by key version
    (newest first): to find a hash kept with an earlier key (the audit log)."""
    return {_version(key): _hash(key, value, purpose) for key in _keys().blind_index}


def blind_index_key_version() -> str:
    """Which blind-index key made a keyed hash: the first 8 hex digits of the key's SHA-256.

    Stored beside keyed hashes that are kept for long (the audit log), so a hash made with
    an earlier key can be told apart after the key is rotated.
    """
    return _version(_keys().blind_index[0])


def blind_index_key_versions() -> list[str]:
    """The versions of the configured blind-index keys, newest first."""
    return [_version(key) for key in _keys().blind_index]
