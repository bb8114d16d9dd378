# SPDX-License-Identifier: EUPL-1.2
"""Synthetic Dutch-sounding names for demo youth and demo providers.

Combinations are drawn at random, so a demo youth is never a real person; provider names
are invented (a word from nature or the river landscape plus a kind of practice).
"""

import random

from jeugdregie.clients.constants import Gender


def _names(text: str) -> tuple[str, ...]:
    """A comma-separated list of names, spread over lines for readability."""
    return tuple(name.strip() for name in text.replace("\n", " ").split(",") if name.strip())


GIVEN_NAMES_MALE = _names(
    """
Daan, Sem, Levi, Finn, Milan, Luuk, Noah, Bram, Jesse, Thijs, Lucas, Ruben, Mees, Sven,
Lars, Tim, Jayden, Stijn, Niels, Gijs, Julian, Thomas, Hugo, Teun, Olivier, Boaz, Mats,
Jens, Wout, Koen, Ryan, Dex, Siem, Jurre, Pepijn, Tygo, Ties, Owen, Joep, Stan
"""
)
GIVEN_NAMES_FEMALE = _names(
    """
Emma, Julia, Tess, Sophie, Zoë, Mila, Sara, Eva, Anna, Lotte, Fleur, Noor, Lieke, Isa,
Evi, Saar, Femke, Roos, Nina, Liv, Yara, Maud, Elin, Jasmijn, Iris, Fenna, Lisa, Sanne,
Amber, Floor, Nova, Hailey, Ilse, Jade, Vera, Loïs, Merel, Esmee, Lynn, Britt
"""
)
FAMILY_NAMES = _names(
    """
de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit,
Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker,
Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden, Kok, Jacobs,
de Haan, Vermeulen, van den Heuvel, van der Veen, van den Broek, de Bruijn, de Bruin,
van der Heijden, Schouten, van Beek, Willems, van Vliet, van de Ven, Hoekstra, Maas,
Verhoeven, Koster, van Dam, van der Wal, Prins, Blom, Huisman, Peeters, de Jonge,
Kuipers, van Veen, Post, Kuiper, Veenstra, Kramer, van den Brink, Scholten, van Wijk,
Postma, Martens, Vink, de Ruiter, Timmermans, Groen, Gerritsen, Jonker, van Loon, Boer,
van der Velde, Willemsen, Smeets, de Lange, de Vos, Bosch, van Dongen, Schipper,
de Koning, van der Laan, Koning, van der Velden, Driessen, van Doorn, Hermans, Evers,
van den Bosch, van der Meulen, Hofman, Bosman, Wolters, Sanders, van der Horst, Mol,
Kuijpers, Molenaar, van de Pol, de Leeuw, Verbeek, Oosterhout, Baars, van Gelder,
Rietveld, Hoogendoorn, Bezemer, van Rijn, Kooiman, Sterk, Achterberg, Ouwehand,
Verschoor, Boogaard, van Wingerden, Stam, Bijl
"""
)

PROVIDER_WORDS = _names(
    """
Anker, Baken, Boei, Bongerd, Branding, Brug, Dijk, Duin, Eik, Esdoorn, Haven, Heuvel,
Horizon, Kade, Kompas, Linde, Meander, Merwede, Molen, Noorderlicht, Oever, Polder,
Regenboog, Rietkraag, Singel, Sluis, Spoor, Ster, Toren, Uiterwaard, Vaart, Vlinder,
Vuurtoren, Wilg, Zeilboot, Zonnebloem, Zwaluw, Kievit, Reiger, Ooievaar, Lepelaar,
Waterlelie, Beuk, Kastanje, Hazelaar, Vlier, Klaproos, Korenbloem, Madelief, Vogelkers,
Getij, Kreek, Griend, Biesbosch, Zandplaat, Wiel, Hoeve, Schuur, Erf, Lindehof, Koppel,
Kring, Driehoek, Sprong, Stap, Ladder, Sleutel, Lantaarn, Kiem, Wortel, Stek, Knop,
Bloesem, Zaailing, Oogst, Akker, Weide, Boomgaard
"""
)

PROVIDER_TEMPLATES: dict[str, tuple[str, ...]] = {
    "large": ("Stichting {w} Jeugdzorg", "{w} Groep", "Zorggroep {w}", "{w} Jeugd en Gezin"),
    "jo": ("Jeugdhulp {w}", "{w} Opvoedondersteuning", "Gezinshuis {w}", "{w} Gezinscoaching"),
    "ggz": (
        "{w} Jeugd-GGZ",
        "Praktijk {w} Kind en Jeugd",
        "Psychologenpraktijk {w}",
        "{w} Kinder- en Jeugdpsychiatrie",
    ),
    "awbz": ("Zorgboerderij {w}", "{w} Begeleiding", "Stichting {w} Zorg", "Logeerhuis {w}"),
    "eed": ("Dyslexiecentrum {w}", "Leerpraktijk {w}"),
    "foster": ("Pleegzorg {w}", "{w} Pleeggezinnen"),
    "school": ("{w} Onderwijszorg", "Schoolbegeleiding {w}"),
    "custom": ("{w} Maatwerk", "Kleinschalig wonen {w}", "{w} Coaching", "Gezinshuis De {w}"),
}


def youth_name(rng: random.Random) -> tuple[str, str, str]:
    """(given name, family name, COD046 gender) of a synthetic youth; 56% boys."""
    if rng.random() < 0.56:
        return rng.choice(GIVEN_NAMES_MALE), rng.choice(FAMILY_NAMES), Gender.MALE
    return rng.choice(GIVEN_NAMES_FEMALE), rng.choice(FAMILY_NAMES), Gender.FEMALE


class ProviderNamer:
    """Hands out unique provider names in the style of the provider's main kind of care."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def name(self, style: str) -> str:
        templates = PROVIDER_TEMPLATES.get(style, PROVIDER_TEMPLATES["jo"])
        for _attempt in range(50):
            name = self._rng.choice(templates).format(w=self._rng.choice(PROVIDER_WORDS))
            if name not in self._used:
                self._used.add(name)
                return name
        number = len(self._used) + 1
        name = f"{self._rng.choice(templates).format(w=self._rng.choice(PROVIDER_WORDS))} {number}"
        self._used.add(name)
        return name

    def reserve(self, name: str) -> str:
        self._used.add(name)
        return name
