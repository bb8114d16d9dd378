# SPDX-License-Identifier: EUPL-1.2
"""The source of a policy rule in words for people (issue 14, "Plain Dutch").

Policy files and rule sets name their source as the project keeps it: the source documents
as ``seeds/000`` … ``seeds/004`` with line numbers (``r. 423-427``), the worked-out
specifications as ``afwegingskader.md §4``, and the developers' notes ("ASSUMPTION",
"aanname"). The files stay as they are (a rule set's hash is on every receipt); what a
screen or a stored reason shows passes :func:`source_for_people`, which names each
document by its title and leaves the line numbers and notes out.

Pure Python, like ``core.policy``: no Django.
"""

import re

__all__ = ["DOCUMENTS", "source_for_people"]

# The documents the policy files cite, by the names the region's staff know them by.
DOCUMENTS: dict[str, str] = {
    "seeds/000": "memo Herijking afwegingskader light-contracten",
    "seeds/001": "inkoopkader jeugdhulp Zuid-Holland Zuid",
    "seeds/002": "VNG-ledenbrief over de hervormingsagenda jeugd",
    "seeds/003": "regionaal advies Inkoop jeugdhulp",
    "seeds/004": "collegebesluit werkwijze perceel 2",
    "afwegingskader.md": "afwegingskader regio",
    "budgets.md": "uitwerking budgetplafonds",
    "perceel2.md": "uitwerking werkwijze perceel 2",
}
UNKNOWN_DOCUMENT = "brondocument"

_LINES = re.compile(r"\s*\br\. \d+(?:-\d+)?(?:\s+en\s+\d+(?:-\d+)?)*")
# "…, seeds/004)": a document cited again after it was named in words
_REPEATED = re.compile(r",\s*seeds/\d{3}(?=\))")
_DOCUMENT = re.compile(r"\bseeds/\d{3}\b|\b[\w-]+\.md\b")
_TITLE = re.compile(r"\s*\(([^)]*)\)")
_NOTES = (
    (re.compile(r"\baanname, samen te ontwikkelen\b"), "voorlopig, wordt samen uitgewerkt"),
    (re.compile(r"\baannames\b"), "uitgangspunten"),
    (re.compile(r"\baanname\b"), "uitgangspunt"),
    (re.compile(r"\bASSUMPTIONS?\b"), "uitgangspunt"),
)


def _named(text: str) -> str:
    parts: list[str] = []
    position = 0
    for match in _DOCUMENT.finditer(text):
        parts.append(text[position : match.start()])
        name = DOCUMENTS.get(match.group(), UNKNOWN_DOCUMENT)
        position = match.end()
        title = _TITLE.match(text, position)
        # "seeds/000 (Herijking Afwegingskader light-contracten)": the title once
        if title and title.group(1).strip().lower() in name.lower():
            position = title.end()
        parts.append(name)
    parts.append(text[position:])
    return "".join(parts)


def source_for_people(source: str) -> str:
    """``source`` with each document named by its title, without line numbers and notes.

    >>> source_for_people("seeds/000: inhoudelijke eisen; afwegingskader.md §5 I2")
    'memo Herijking afwegingskader light-contracten: inhoudelijke eisen; afwegingskader regio §5 I2'
    """
    text = _named(_REPEATED.sub("", _LINES.sub("", source)))
    for pattern, words in _NOTES:
        text = pattern.sub(words, text)
    return text
