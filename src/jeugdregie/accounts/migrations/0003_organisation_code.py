# SPDX-License-Identifier: EUPL-1.2
"""Organisation.code: a stable, readable identifier (the sign-in's group mapping names
organisations by it). Existing rows get ``<region code>-<name>`` as a slug, numbered when two
would be equal."""

from typing import Any

from django.db import migrations, models
from django.utils.text import slugify

import jeugdregie.accounts.models


def fill_codes(apps: Any, schema_editor: Any) -> None:
    organisation_model = apps.get_model("accounts", "Organisation")
    taken: set[str] = set()
    for organisation in organisation_model.objects.select_related("region").order_by("pk"):
        base = slugify(f"{organisation.region.code}-{organisation.name}")[:55] or "organisatie"
        code, number = base, 1
        while code in taken:
            number += 1
            code = f"{base}-{number}"
        taken.add(code)
        organisation.code = code
        organisation.save(update_fields=["code"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_role_labels"),
        ("regions", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="code",
            field=models.SlugField(
                max_length=60, null=True, db_index=False, verbose_name="code"
            ),
        ),
        migrations.RunPython(fill_codes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="organisation",
            name="code",
            field=models.SlugField(
                default=jeugdregie.accounts.models.organisation_code_default,
                help_text="Stable identifier, e.g. zhz-servicecentrum; used in the sign-in's "
                "group mapping.",
                max_length=60,
                unique=True,
                verbose_name="code",
            ),
        ),
    ]
