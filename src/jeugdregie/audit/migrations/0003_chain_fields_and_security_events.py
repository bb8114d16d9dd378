# SPDX-License-Identifier: EUPL-1.2
"""The logs become hash chains and the access log records security events.

Schema only; the sequence numbers and hashes of existing records are computed in 0004, the
columns are made unique/encrypted in 0005, the database triggers come in 0006.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_access_purpose_audit"),
        ("clients", "0001_initial"),
        ("regions", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="accessrecord",
            name="seq",
            field=models.BigIntegerField(editable=False, null=True, verbose_name="sequence number"),
        ),
        migrations.AddField(
            model_name="accessrecord",
            name="hash",
            field=models.CharField(default="", editable=False, max_length=64, verbose_name="hash"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="changerecord",
            name="seq",
            field=models.BigIntegerField(editable=False, null=True, verbose_name="sequence number"),
        ),
        migrations.AddField(
            model_name="changerecord",
            name="hash",
            field=models.CharField(default="", editable=False, max_length=64, verbose_name="hash"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="accessrecord",
            name="at",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, verbose_name="at"
            ),
        ),
        migrations.AlterField(
            model_name="changerecord",
            name="at",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, verbose_name="at"
            ),
        ),
        migrations.AddField(
            model_name="accessrecord",
            name="event",
            field=models.CharField(
                choices=[
                    ("read", "Read of personal data"),
                    ("denied", "Access denied"),
                    ("login", "Signed in"),
                    ("logout", "Signed out"),
                    ("login_failed", "Sign-in failed"),
                    ("lockout", "Locked out"),
                    ("export", "Export"),
                ],
                default="read",
                max_length=20,
                verbose_name="event",
            ),
        ),
        migrations.AlterField(
            model_name="accessrecord",
            name="user",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="access_records",
                to=settings.AUTH_USER_MODEL,
                verbose_name="user",
            ),
        ),
        migrations.AddField(
            model_name="accessrecord",
            name="username",
            field=models.CharField(blank=True, max_length=150, verbose_name="username"),
        ),
        migrations.AlterField(
            model_name="accessrecord",
            name="role",
            field=models.CharField(blank=True, max_length=30, verbose_name="role"),
        ),
        migrations.AlterField(
            model_name="accessrecord",
            name="youth",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="access_records",
                to="clients.youth",
                verbose_name="youth",
            ),
        ),
        migrations.AddField(
            model_name="accessrecord",
            name="bsn_hash",
            field=models.CharField(
                blank=True, max_length=64, verbose_name="keyed hash of the BSN"
            ),
        ),
        migrations.AddField(
            model_name="accessrecord",
            name="key_version",
            field=models.CharField(blank=True, max_length=8, verbose_name="key version"),
        ),
        migrations.AddField(
            model_name="accessrecord",
            name="region",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="regions.region",
                verbose_name="region",
            ),
        ),
        migrations.AlterField(
            model_name="accessrecord",
            name="purpose",
            field=models.CharField(
                blank=True,
                choices=[
                    ("search", "Search result"),
                    ("detail", "Detail page"),
                    ("list", "List"),
                    ("export", "Export"),
                    ("api", "API"),
                    ("audit", "Privacy audit"),
                ],
                max_length=20,
                verbose_name="purpose",
            ),
        ),
        migrations.AlterField(
            model_name="accessrecord",
            name="route",
            field=models.CharField(blank=True, max_length=200, verbose_name="route"),
        ),
        migrations.AddField(
            model_name="accessrecord",
            name="method",
            field=models.CharField(blank=True, max_length=10, verbose_name="method"),
        ),
        migrations.AddField(
            model_name="accessrecord",
            name="status",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="status code"
            ),
        ),
        migrations.AddField(
            model_name="accessrecord",
            name="rows",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="rows"),
        ),
        migrations.AddField(
            model_name="accessrecord",
            name="ip",
            field=models.CharField(blank=True, max_length=45, verbose_name="IP address"),
        ),
        migrations.AddField(
            model_name="accessrecord",
            name="session_hash",
            field=models.CharField(
                blank=True, max_length=64, verbose_name="keyed hash of the session"
            ),
        ),
        migrations.AddIndex(
            model_name="accessrecord",
            index=models.Index(fields=["bsn_hash"], name="audit_acces_bsn_has_30f58d_idx"),
        ),
        migrations.AddIndex(
            model_name="accessrecord",
            index=models.Index(fields=["event", "at"], name="audit_acces_event_b83ded_idx"),
        ),
        migrations.CreateModel(
            name="Checkpoint",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "log",
                    models.CharField(
                        choices=[("access", "Access log"), ("change", "Change log")],
                        max_length=10,
                        verbose_name="log",
                    ),
                ),
                ("up_to_seq", models.BigIntegerField(verbose_name="up to sequence number")),
                (
                    "last_hash",
                    models.CharField(max_length=64, verbose_name="hash of the last pruned record"),
                ),
                ("count", models.PositiveIntegerField(verbose_name="records pruned")),
                ("before", models.DateField(verbose_name="records before")),
                ("at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="at")),
                ("by", models.CharField(max_length=150, verbose_name="by")),
            ],
            options={
                "verbose_name": "checkpoint",
                "verbose_name_plural": "checkpoints",
                "ordering": ["log", "-up_to_seq"],
                "base_manager_name": "objects",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("log", "up_to_seq"), name="audit_checkpoint_unique"
                    )
                ],
            },
        ),
    ]
