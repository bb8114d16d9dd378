# SPDX-License-Identifier: EUPL-1.2
"""JEUGDREGIE_STATIC_ROOT (the container image): collectstatic writes every static file with a
content hash in its name and whitenoise serves that directory only. Without it (development,
the tests) nothing changes: plain names, served from where they are."""

import json
import os
import subprocess
import sys
from pathlib import Path

SHOW_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps([settings.STORAGES['staticfiles']['BACKEND'], str(settings.STATIC_ROOT), "
    "settings.WHITENOISE_USE_FINDERS]))"
)


def _static_settings(tmp_path: Path, **env: str) -> list[object]:
    environment = {
        **{name: value for name, value in os.environ.items() if name != "JEUGDREGIE_STATIC_ROOT"},
        "DJANGO_SETTINGS_MODULE": "jeugdregie.conf.settings",
        "JEUGDREGIE_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_SECRET_KEY": "a-secret-for-this-test-only",
        **env,
    }
    output = subprocess.run(  # noqa: S603  (this interpreter, a fixed program)
        [sys.executable, "-c", SHOW_SETTINGS],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result: list[object] = json.loads(output)
    return result


def test_with_a_static_root_files_are_collected_there_with_hashed_names(tmp_path):
    root = tmp_path / "static"

    backend, static_root, finders = _static_settings(tmp_path, JEUGDREGIE_STATIC_ROOT=str(root))

    assert backend == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert static_root == str(root)
    assert finders is False


def test_without_it_nothing_is_collected_and_names_stay_plain(tmp_path):
    backend, static_root, finders = _static_settings(tmp_path)

    assert backend == "django.contrib.staticfiles.storage.StaticFilesStorage"
    assert static_root == str(tmp_path / "var" / "static")
    assert finders is True
