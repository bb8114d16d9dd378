# SPDX-License-Identifier: EUPL-1.2
"""The youth search tolerates tussenvoegsels, case and diacritics, and finds by given name
and birth date (issue 14): a keyed index of the first given name, the family-name index
recomputed as the family name without its tussenvoegsels (``clients.names``), and a plain
database index on the birth date (not encrypted). The indexes of the existing youth are
filled here, with the newest blind-index key of the settings (``core.crypto``), in batches;
an anonymised youth gets empty name indexes. Going back restores the exact family-name
index of before (lower case, single spaces) and drops the given-name index.
"""

from django.db import migrations, models

from jeugdregie.clients.names import normalise_family_name, normalise_given_name
from jeugdregie.core import crypto

BATCH_SIZE = 500


def _fill(apps, family, given, *, anonymised_empty=True):
    youth_model = apps.get_model("clients", "Youth")
    rows = youth_model.objects.order_by("pk").only(
        "pk", "given_name", "family_name", "anonymised_at"
    )
    after = 0
    while batch := list(rows.filter(pk__gt=after)[:BATCH_SIZE]):
        for youth in batch:
            anonymised = anonymised_empty and youth.anonymised_at is not None
            youth.family_name_index = "" if anonymised else family(youth.family_name)
            youth.given_name_index = "" if anonymised else given(youth.given_name)
        youth_model.objects.bulk_update(batch, ["family_name_index", "given_name_index"])
        after = batch[-1].pk


def youth_search_indexes_fill(apps, schema_editor):
    """Fill the search indexes of every existing youth (also called by the tests)."""
    _fill(
        apps,
        lambda name: crypto.blind_index(normalise_family_name(name), purpose="family_name"),
        lambda name: crypto.blind_index(normalise_given_name(name), purpose="given_name"),
    )


def _exact_family_name_index_restore(apps, schema_editor):
    _fill(
        apps,
        lambda name: crypto.blind_index(" ".join(name.lower().split()), purpose="family_name"),
        lambda name: "",
        anonymised_empty=False,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("clients", "0003_youth_anonymised_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="youth",
            name="given_name_index",
            field=models.CharField(db_index=True, default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="youth",
            name="birth_date",
            field=models.DateField(db_index=True, verbose_name="birth date"),
        ),
        migrations.RunPython(
            youth_search_indexes_fill, _exact_family_name_index_restore, elidable=False
        ),
    ]
