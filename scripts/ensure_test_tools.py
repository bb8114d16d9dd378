# SPDX-License-Identifier: EUPL-1.2
"""Make sure the browser the end-to-end tests drive is present; install it on Debian as root."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM = Path(os.environ.get("JEUGDREGIE_CHROMIUM", "/usr/lib/chromium/chromium"))


def main() -> int:
    if CHROMIUM.exists():
        return 0
    apt = shutil.which("apt-get")
    if apt and os.geteuid() == 0:
        print("Chromium ontbreekt; installeren met apt-get ...", flush=True)  # noqa: T201
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run([apt, "update", "-qq"], check=True, env=env)  # noqa: S603
        subprocess.run(  # noqa: S603
            [apt, "install", "-y", "-qq", "--no-install-recommends", "chromium"],
            check=True,
            env=env,
        )
        if CHROMIUM.exists():
            return 0
    print(  # noqa: T201
        f"Chromium niet gevonden op {CHROMIUM}. Installeer het (Debian: "
        "'apt-get install chromium') of zet JEUGDREGIE_CHROMIUM op het pad van de browser.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
