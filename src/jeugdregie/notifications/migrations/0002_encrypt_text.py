# SPDX-License-Identifier: EUPL-1.2
"""A notification's text can quote a reason or motivation that holds health details: encrypted
at rest, existing rows included."""

from django.db import migrations

from jeugdregie.core.encryption_migrations import encrypt_text_fields


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
    ]

    operations = encrypt_text_fields(
        "notifications", "notification", {"text": {"verbose_name": "text"}}
    )
