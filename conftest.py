# SPDX-License-Identifier: EUPL-1.2
"""Test-wide fixtures: isolated personal-data keys, a small local CBS code list and the
built-in policy tree only."""

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.conf import LazySettings
from django.core.cache import cache

from jeugdregie.core import crypto
from jeugdregie.regions import codelists

if TYPE_CHECKING:
    from jeugdregie.testing.factories import World

# The log leak watch fails the run on a logged BSN or name (jeugdregie.testing.log_leaks);
# pytester runs it in a session of its own to prove it can fail.
pytest_plugins = ["pytester", "jeugdregie.testing.log_leaks"]

CBS_SAMPLE = """code,omschrijving,provincie,jeugdzorgregio
0482,Alblasserdam,Zuid-Holland,Zuid-Holland Zuid
0505,Dordrecht,Zuid-Holland,Zuid-Holland Zuid
0512,Gorinchem,Zuid-Holland,Zuid-Holland Zuid
0531,Hendrik-Ido-Ambacht,Zuid-Holland,Zuid-Holland Zuid
1963,Hoeksche Waard,Zuid-Holland,Zuid-Holland Zuid
1978,Molenlanden,Zuid-Holland,Zuid-Holland Zuid
0590,Papendrecht,Zuid-Holland,Zuid-Holland Zuid
0610,Sliedrecht,Zuid-Holland,Zuid-Holland Zuid
0642,Zwijndrecht,Zuid-Holland,Zuid-Holland Zuid
0523,Hardinxveld-Giessendam,Zuid-Holland,Zuid-Holland Zuid
0375,Beverwijk,Noord-Holland,Midden Kennemerland
0377,Bloemendaal,Noord-Holland,Zuid-Kennemerland
0392,Haarlem,Noord-Holland,Zuid-Kennemerland
0396,Heemskerk,Noord-Holland,Midden Kennemerland
0397,Heemstede,Noord-Holland,Zuid-Kennemerland
0453,Velsen,Noord-Holland,Midden Kennemerland
0473,Zandvoort,Noord-Holland,Zuid-Kennemerland
0758,Breda,Noord-Brabant,West-Brabant-Oost
0826,Oosterhout,Noord-Brabant,West-Brabant-Oost
"""


@pytest.fixture(autouse=True)
def _isolated_keys_and_codelists(
    settings: LazySettings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    base: Path = tmp_path_factory.getbasetemp()
    settings.JEUGDREGIE_KEY_FILE = str(base / "keys" / "personal-data.json")
    cbs_file = base / "cbs.csv"
    if not cbs_file.exists():
        cbs_file.write_text(CBS_SAMPLE, encoding="utf-8")
    settings.JEUGDREGIE_CBS_CODES_FILE = str(cbs_file)
    settings.JEUGDREGIE_POLICY_DIR = ""  # the built-in policy only, whatever the shell says
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    crypto.reset_key_cache()
    codelists.clear_cache()
    cache.clear()  # API throttling and failed-authentication counts start at zero
    yield
    crypto.reset_key_cache()
    codelists.clear_cache()
    cache.clear()


@pytest.fixture
def world(db: None) -> "World":
    from jeugdregie.testing.factories import build_world

    return build_world()
