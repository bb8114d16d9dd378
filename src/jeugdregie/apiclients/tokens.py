# SPDX-License-Identifier: EUPL-1.2
"""Making and checking API tokens. The secret part is 256 random bits, so a plain SHA-256 is
enough to store it (no salt or slow hash needed: nothing to guess); compared in constant time."""

import hashlib
import hmac
import secrets
import string
from dataclasses import dataclass

from jeugdregie.apiclients.constants import PREFIX_LENGTH, SECRET_BYTES, TOKEN_MARKER

_PREFIX_ALPHABET = string.ascii_lowercase + string.digits


@dataclass(frozen=True)
class ParsedToken:
    prefix: str
    token: str


def new_prefix() -> str:
    return "".join(secrets.choice(_PREFIX_ALPHABET) for _ in range(PREFIX_LENGTH))


def new_token(prefix: str) -> str:
    return f"{TOKEN_MARKER}{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_matches(token: str, stored_hash: str) -> bool:
    return hmac.compare_digest(token_hash(token).encode(), stored_hash.encode())


def parse(token: str) -> ParsedToken | None:
    """The prefix of a well-formed token, or None."""
    head = len(TOKEN_MARKER)
    if not token.startswith(TOKEN_MARKER) or len(token) < head + PREFIX_LENGTH + 2:
        return None
    prefix = token[head : head + PREFIX_LENGTH]
    if token[head + PREFIX_LENGTH] != "_" or any(c not in _PREFIX_ALPHABET for c in prefix):
        return None
    return ParsedToken(prefix=prefix, token=token)
