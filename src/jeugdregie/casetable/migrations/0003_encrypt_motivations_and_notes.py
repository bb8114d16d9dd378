# SPDX-License-Identifier: EUPL-1.2
"""Motivations, the reason for another comparable tariff and the minutes' notes can describe a
youth's situation: encrypted at rest like names, existing rows included."""

from django.db import migrations

from jeugdregie.core.encryption_migrations import encrypt_text_fields


class Migration(migrations.Migration):
    dependencies = [
        ("casetable", "0002_named_reverse_relations"),
    ]

    operations = [
        *encrypt_text_fields(
            "casetable",
            "agendaitem",
            {"motivation": {"blank": True, "verbose_name": "motivation"}},
        ),
        *encrypt_text_fields(
            "casetable",
            "case",
            {
                "comparable_tariff_override": {
                    "blank": True,
                    "verbose_name": "reason for overriding the comparable tariff",
                },
                "decision_motivation": {
                    "blank": True,
                    "verbose_name": "motivation of the decision",
                },
            },
        ),
        *encrypt_text_fields(
            "casetable",
            "meeting",
            {"notes": {"blank": True, "verbose_name": "notes for the minutes"}},
        ),
    ]
