# SPDX-License-Identifier: EUPL-1.2
"""An extension's reason (why it waits, or the motivation of a refusal) can hold health
details: encrypted at rest, existing rows included. Reversed, the column is 300 characters
again (the service never stores more)."""

from django.db import migrations

from jeugdregie.core.encryption_migrations import encrypt_text_fields


class Migration(migrations.Migration):
    dependencies = [
        ("trajectories", "0002_extension_from_a_jw317"),
    ]

    operations = encrypt_text_fields(
        "trajectories", "extension", {"reason": {"blank": True, "verbose_name": "reason"}}
    )
