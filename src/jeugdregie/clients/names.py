# SPDX-License-Identifier: EUPL-1.2
"""Names as the youth search compares them: the one owner of name normalisation.

A name is compared in its plain form: lower case (``casefold``), without diacritics (NFKD,
combining marks dropped), one space between words. A family name loses the Dutch
tussenvoegsels at its front ("van der Berg" → "berg", "'t Hart" → "hart"), so "Berg",
"van der berg" and "VAN DER Berg" are the same name; a given name is compared by its first
word ("Émma Sophie" → "emma"). The keyed hashes of these forms are the search indexes
(``Youth.FAMILY_NAME_INDEX``, ``Youth.GIVEN_NAME_INDEX``): change a rule here and
``jeugdregie keys_rotate`` recomputes every index that no longer matches.

Pure Python: no Django, so a data migration can use it as well.
"""

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "TUSSENVOEGSELS",
    "NameReading",
    "name_readings",
    "normalise_family_name",
    "normalise_given_name",
    "plain_name",
]

# The words that come before a Dutch family name (the voorvoegsels of the BRP's table 36,
# the ones that occur as separate words), also those of names from elsewhere that the BRP
# records the same way ("de la", "von", "el").
TUSSENVOEGSELS = frozenset(
    {
        "'s", "'t", "a", "aan", "af", "al", "am", "an", "auf", "ben", "bij", "d'", "da",
        "dal", "dalla", "das", "de", "dei", "del", "della", "dem", "den", "der", "des", "di",
        "die", "do", "don", "dos", "du", "el", "het", "in", "l'", "la", "las", "le", "les",
        "lo", "los", "op", "over", "te", "ten", "ter", "tho", "thoe", "thor", "to", "toe",
        "tot", "uijt", "uit", "uyt", "van", "vanden", "vander", "ver", "vom", "von", "voor",
        "zu", "zum", "zur",
    }
)  # fmt: skip
_APOSTROPHES = str.maketrans(dict.fromkeys("’‘`´ʼ", "'"))
_ELISION = re.compile(r"^([dl]')(.+)$")  # d'Ancona, l'Ami: the prefix written against the name
_HYPHEN = re.compile(r"\s*-\s*")


def plain_name(text: str) -> str:
    """Lower case, no diacritics, single spaces, typographic apostrophes as ``'``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _HYPHEN.sub("-", " ".join(bare.casefold().replace(",", " , ").split()))


def _words(text: str) -> list[str]:
    words: list[str] = []
    for word in text.split():
        if match := _ELISION.match(word):
            words.extend(match.groups())
        elif word != ",":
            words.append(word)
    return words


def normalise_family_name(family_name: str, prefix: str = "") -> str:
    """The family name without its tussenvoegsels: "Van der Berg" → "berg",
    "Vries, de" → "vries". ``prefix`` is a separately kept voorvoegsel (as in iJw). A name
    of prefixes only keeps its last word ("Van" stays "van")."""
    text = plain_name(f"{prefix} {family_name}")
    if "," in text:  # "Berg, van den": the prefix written after the name, as in a register
        name, _comma, after = text.partition(",")
        if all(word in TUSSENVOEGSELS for word in _words(after)):
            text = f"{after} {name}"
    words = _words(text)
    while len(words) > 1 and words[0] in TUSSENVOEGSELS:
        words.pop(0)
    return " ".join(words)


def normalise_given_name(given_name: str) -> str:
    """The first given name: "Émma Sophie" → "emma" ("" when there is none)."""
    words = _words(plain_name(given_name))
    return words[0] if words else ""


@dataclass(frozen=True)
class NameReading:
    """One way to read a typed name: a given name, a family name, or both ("" = not used).
    Both forms are already normalised."""

    given: str = ""
    family: str = ""


def name_readings(text: str) -> list[NameReading]:
    """Every way to read what a user typed in the search field as a name: the whole as the
    family name ("de Vries"), one word as a given name ("emma"), and each split into given
    names then a family name ("Émma de Vries" → emma + vries)."""
    words = _words(plain_name(text))
    if not words:
        return []
    readings = [NameReading(family=normalise_family_name(" ".join(words)))]
    if len(words) == 1:
        readings.append(NameReading(given=words[0]))
    for split in range(1, len(words)):
        readings.append(
            NameReading(
                given=normalise_given_name(" ".join(words[:split])),
                family=normalise_family_name(" ".join(words[split:])),
            )
        )
    return list(dict.fromkeys(readings))
