# SPDX-License-Identifier: EUPL-1.2
"""Reasons and explanations of client stops and nee-tenzij exceptions can name a youth's
situation: they are encrypted at rest like names, existing rows included."""

from django.db import migrations

from jeugdregie.core.encryption_migrations import encrypt_text_fields


class Migration(migrations.Migration):
    dependencies = [
        ("budgets", "0003_ceilingexception"),
    ]

    operations = [
        *encrypt_text_fields(
            "budgets",
            "ceilingexception",
            {
                "decision_reason": {"blank": True, "verbose_name": "reason of the decision"},
                "explanation": {"verbose_name": "explanation"},
            },
        ),
        *encrypt_text_fields(
            "budgets",
            "clientstop",
            {
                "decision_reason": {"blank": True, "verbose_name": "reason of the decision"},
                "lift_reason": {"blank": True, "verbose_name": "reason for lifting"},
                "reason": {"verbose_name": "reason"},
            },
        ),
    ]
