# SPDX-License-Identifier: EUPL-1.2
"""A policy's source as a person reads it (issue 14): the documents by their titles, no
``seeds/…`` keys, ``*.md`` file names, line numbers or developers' notes; the files
themselves keep their sources as they are."""

import pytest

from jeugdregie.core.policy import policy_tree
from jeugdregie.core.sources import source_for_people


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        (
            "seeds/000: inhoudelijke eisen; afwegingskader.md §5 I2",
            "memo Herijking afwegingskader light-contracten: inhoudelijke eisen; "
            "afwegingskader regio §5 I2",
        ),
        (
            "seeds/000 (Herijking Afwegingskader light-contracten), aanbevelingen; "
            "afwegingskader.md §2",
            "memo Herijking afwegingskader light-contracten, aanbevelingen; "
            "afwegingskader regio §2",
        ),
        (
            "Toetsingsmethode CJG en aanbieders perceel 2 (eerste versie; aanname, samen te "
            "ontwikkelen)",
            "Toetsingsmethode CJG en aanbieders perceel 2 (eerste versie; voorlopig, wordt "
            "samen uitgewerkt)",
        ),
        (
            "Addendum perceel-2-contracten (collegebesluit 11 maart 2025, seeds/004); "
            "verlengingslengte is een aanname (perceel2.md §2a)",
            "Addendum perceel-2-contracten (collegebesluit 11 maart 2025); verlengingslengte "
            "is een uitgangspunt (uitwerking werkwijze perceel 2 §2a)",
        ),
        ("seeds/001 r. 1809-1815 en 1842-1844 (x)", "inkoopkader jeugdhulp Zuid-Holland Zuid (x)"),
        ("seeds/099: iets", "brondocument: iets"),
    ],
)
def test_a_source_names_its_documents_by_title(source: str, shown: str) -> None:
    assert source_for_people(source) == shown


def test_no_source_of_the_built_in_policy_shows_a_file_name_or_a_note() -> None:
    sources = [file.source for files in policy_tree().values() for file in files]
    assert sources
    for source in sources:
        shown = source_for_people(source)
        for raw in ("seeds/", ".md", "aanname", "ASSUMPTION", " r. "):
            assert raw not in shown, (source, shown)
