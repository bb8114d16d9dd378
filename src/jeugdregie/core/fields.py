# SPDX-License-Identifier: EUPL-1.2
"""Model fields that keep personal data encrypted at rest."""

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import Expression

from jeugdregie.core import crypto


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """Stores a string encrypted with the personal-data key; decrypts on load.

    Encrypted values cannot be filtered or sorted in the database; use a blind index for
    exact lookups.
    """

    description = "Encrypted text"

    def from_db_value(
        self, value: str | None, expression: Expression, connection: BaseDatabaseWrapper
    ) -> str | None:
        if not value:  # None, or "" for an unknown value: nothing was encrypted
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(str(value))


class EncryptedBytesField(models.TextField):  # type: ignore[type-arg]
    """Stores bytes (e.g. a message holding personal data) encrypted; ``bytes`` on load."""

    description = "Encrypted bytes"

    def from_db_value(
        self, value: str | None, expression: Expression, connection: BaseDatabaseWrapper
    ) -> bytes | None:
        if value is None:
            return None
        return crypto.decrypt_bytes(value) if value else b""

    def to_python(self, value: Any) -> Any:
        return value

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        return crypto.encrypt_bytes(bytes(value))


class EncryptedJSONField(models.TextField):  # type: ignore[type-arg]
    """Stores a JSON value (dict, list, ...) encrypted with the personal-data key."""

    description = "Encrypted JSON"
    # for django-stubs: the attribute holds JSON values, not strings
    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def from_db_value(
        self, value: str | None, expression: Expression, connection: BaseDatabaseWrapper
    ) -> Any:
        if value is None:
            return None
        return json.loads(crypto.decrypt(value))

    def to_python(self, value: Any) -> Any:
        return value

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        return crypto.encrypt(json.dumps(value, sort_keys=True, ensure_ascii=False))

    def value_to_string(self, obj: models.Model) -> str:
        return json.dumps(self.value_from_object(obj), sort_keys=True)


@dataclass(frozen=True)
class BlindIndex:
    """A column holding the keyed hash (``crypto.blind_index``) of an encrypted column.

    A model lists its blind indexes in ``BLIND_INDEXES``; ``jeugdregie keys_rotate``
    recomputes them from the decrypted ``source`` with the newest blind-index key. An index
    whose source is empty stays as it is (empty or NULL).
    """

    index: str  # the column with the keyed hash
    source: str  # the encrypted column it is the hash of
    purpose: str  # as passed to crypto.blind_index
    normalise: Callable[[str], str]

    def of(self, plaintext: str) -> str:
        return crypto.blind_index(self.normalise(plaintext), purpose=self.purpose)
