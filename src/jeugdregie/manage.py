# SPDX-License-Identifier: EUPL-1.2
"""The `jeugdregie` console script: Django's manage.py as an installed command."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdregie.conf.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
