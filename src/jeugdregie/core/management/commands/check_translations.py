# SPDX-License-Identifier: EUPL-1.2
import shutil
import tempfile
from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

PACKAGE_DIR = Path(__file__).resolve().parents[3]


class Command(BaseCommand):
    help = (
        "Fail when a message id in the code has no Dutch translation, or the Dutch "
        "catalogue has untranslated or fuzzy entries."
    )
    requires_system_checks: list[str] = []  # reads the catalogues only: no database, no keys

    def handle(self, *args: Any, **options: Any) -> None:
        committed = Path(settings.LOCALE_PATHS[0]) / "nl" / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(committed))
        problems = [f"onvertaald: {e.msgid!r}" for e in catalogue.untranslated_entries()]
        problems += [f"fuzzy: {e.msgid!r}" for e in catalogue.fuzzy_entries()]
        if shutil.which("xgettext"):
            problems += self._missing_ids(catalogue)
        else:
            self.stderr.write("xgettext ontbreekt: alleen de catalogus zelf is gecontroleerd.")
        if problems:
            raise CommandError("Vertalingen onvolledig:\n" + "\n".join(problems[:50]))
        self.stdout.write(f"Vertalingen compleet: {len(catalogue)} teksten in het Nederlands.")

    def _missing_ids(self, catalogue: polib.POFile) -> list[str]:
        known = {(e.msgctxt, e.msgid) for e in catalogue}
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp) / "jeugdregie"
            shutil.copytree(PACKAGE_DIR, work, ignore=shutil.ignore_patterns("locale", "*.pyc"))
            (work / "locale").mkdir()
            cwd = Path.cwd()
            try:
                import os

                os.chdir(work)
                call_command("makemessages", locale=["nl"], no_location=True, verbosity=0)
            finally:
                os.chdir(cwd)
            fresh = polib.pofile(str(work / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
        return [
            f"ontbreekt in django.po: {e.msgid!r}"
            for e in fresh
            if (e.msgctxt, e.msgid) not in known
        ]
