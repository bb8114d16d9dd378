# SPDX-License-Identifier: EUPL-1.2
"""Migration support: turn plain text columns into ``EncryptedTextField`` with their rows.

``encrypt_text_fields`` gives the operations for one model's fields: make the column a plain
``TextField`` (ciphertext is longer than a ``CharField`` allows), encrypt the rows in place,
then switch to the encrypted field type (the same column type: no further schema change).
Reversed, the rows are decrypted before the column gets its old type back.
"""

from collections.abc import Callable
from typing import Any

from django.db import migrations, models

from jeugdregie.core import crypto
from jeugdregie.core.fields import EncryptedTextField


def _is_ciphertext(value: str) -> bool:
    try:
        crypto.decrypt(value)
    except crypto.DecryptionError:
        return False
    return True


def _rewrite(
    app_label: str, model_name: str, names: tuple[str, ...], *, encrypt: bool
) -> Callable[[Any, Any], None]:
    def run(apps: Any, schema_editor: Any) -> None:
        model = apps.get_model(app_label, model_name)
        for name in names:
            rows = model._base_manager.exclude(**{name: ""}).values_list("pk", name)
            for pk, value in rows.iterator():
                if value is None or _is_ciphertext(value) == encrypt:
                    continue  # already as wanted (a rerun, or nothing to do)
                new = crypto.encrypt(value) if encrypt else crypto.decrypt(value)
                model._base_manager.filter(pk=pk).update(**{name: new})

    return run


def encrypt_text_fields(
    app_label: str, model_name: str, fields: dict[str, dict[str, Any]]
) -> list[migrations.operations.base.Operation]:
    """Operations encrypting ``fields`` (name → keyword arguments of the field, the same for
    the plain and the encrypted type) of ``model_name``, existing rows included."""
    names = tuple(fields)
    return [
        *(
            migrations.AlterField(model_name=model_name, name=name, field=models.TextField(**kw))
            for name, kw in fields.items()
        ),
        migrations.RunPython(
            _rewrite(app_label, model_name, names, encrypt=True),
            _rewrite(app_label, model_name, names, encrypt=False),
            elidable=False,
        ),
        *(
            migrations.AlterField(model_name=model_name, name=name, field=EncryptedTextField(**kw))
            for name, kw in fields.items()
        ),
    ]
