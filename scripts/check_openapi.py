# SPDX-License-Identifier: EUPL-1.2
"""Fail when the generated OpenAPI schema differs from the committed docs/openapi.yaml."""

import difflib
import sys
from pathlib import Path


def main(generated: str, committed: str) -> int:
    new, old = Path(generated).read_text(), Path(committed)
    if not old.exists() or old.read_text() != new:
        current = old.read_text().splitlines() if old.exists() else []
        diff = difflib.unified_diff(current, new.splitlines(), committed, generated, lineterm="")
        print("\n".join(list(diff)[:80]))  # noqa: T201
        print(f"OpenAPI-schema wijkt af: kopieer {generated} naar {committed}.")  # noqa: T201
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
