# SPDX-License-Identifier: EUPL-1.2
import shutil
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# (package file under frontend/node_modules, name under build/static/vendor)
ASSETS = [
    ("@utrecht/component-library-css/dist/index.css", "utrecht-components.css"),
    ("@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css", "voorbeeld-theme.css"),
    ("htmx.org/dist/htmx.min.js", "htmx.min.js"),
]


class Command(BaseCommand):
    help = "Copy the front-end packages installed from npm into build/static (not committed)."
    requires_system_checks: list[str] = []  # copies front-end files: no database, no keys

    def handle(self, *args: Any, **options: Any) -> None:
        modules = Path(settings.PROJECT_DIR) / "frontend" / "node_modules"
        target = Path(settings.PROJECT_DIR) / "build" / "static" / "vendor"
        target.mkdir(parents=True, exist_ok=True)
        for source, name in ASSETS:
            path = modules / source
            if not path.is_file():
                raise CommandError(f"{path} ontbreekt: draai eerst 'npm ci' in frontend/.")
            shutil.copyfile(path, target / name)
        self.stdout.write(f"{len(ASSETS)} front-end bestanden klaar in {target}")
