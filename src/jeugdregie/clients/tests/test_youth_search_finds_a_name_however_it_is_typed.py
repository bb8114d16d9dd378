# SPDX-License-Identifier: EUPL-1.2
"""The youth search (issue 14) finds a youth by family name with or without its
tussenvoegsels, by given name, in any case and with or without diacritics, by birth date,
and by BSN as before; criteria combine with AND; only among the youth the user may see."""

import datetime as dt

import pytest

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.constants import AccessEvent, AccessPurpose
from jeugdregie.audit.models import AccessRecord
from jeugdregie.clients.models import Youth
from jeugdregie.clients.names import name_readings, normalise_family_name, normalise_given_name
from jeugdregie.clients.selectors import youth_search
from jeugdregie.clients.services import youth_anonymise, youth_create
from jeugdregie.testing.factories import World, synthetic_test_bsn

pytestmark = pytest.mark.django_db
ROUTE = "/jeugdigen/"


def register(world: World, stem: int, given: str, family: str, born: dt.date) -> Youth:
    return youth_create(
        actor=None,
        bsn=synthetic_test_bsn(stem),
        given_name=given,
        family_name=family,
        birth_date=born,
        municipality=world.dordrecht,
    )


@pytest.fixture
def people(world: World) -> dict[str, Youth]:
    return {
        "emma": register(world, 20, "Émma Sophie", "de Vries", dt.date(2014, 11, 3)),
        "joep": register(world, 21, "Joep", "van der Berg", dt.date(2013, 5, 20)),
        "lotte": register(world, 22, "Lotte", "Vries", dt.date(2015, 1, 9)),
    }


def found(world: World, query: str = "", birth_date: dt.date | None = None) -> set[str]:
    user = world.users[Role.CONTRACT_MANAGER]
    results = youth_search(user=user, route=ROUTE, query=query, birth_date=birth_date)
    return {f"{y.given_name} {y.family_name}" for y in results}


def test_vries_finds_de_vries_and_de_vries_finds_vries(world, people):
    assert found(world, "Vries") == {"Émma Sophie de Vries", "Lotte Vries"}
    assert found(world, "de vries") == {"Émma Sophie de Vries", "Lotte Vries"}
    assert found(world, "DE VRIES") == {"Émma Sophie de Vries", "Lotte Vries"}


def test_van_der_berg_in_capitals_finds_van_der_berg(world, people):
    assert found(world, "VAN DER berg") == {"Joep van der Berg"}
    assert found(world, "Berg") == {"Joep van der Berg"}
    assert found(world, "  berg ") == {"Joep van der Berg"}


def test_a_given_name_finds_with_or_without_its_accent(world, people):
    assert found(world, "Emma") == {"Émma Sophie de Vries"}
    assert found(world, "émma") == {"Émma Sophie de Vries"}
    assert found(world, "EMMA") == {"Émma Sophie de Vries"}


def test_given_and_family_name_together_narrow_the_search(world, people):
    assert found(world, "Émma de Vries") == {"Émma Sophie de Vries"}
    assert found(world, "emma vries") == {"Émma Sophie de Vries"}
    assert found(world, "Lotte de Vries") == {"Lotte Vries"}
    assert found(world, "Joep de Vries") == set()


def test_a_birth_date_finds_on_its_own_and_narrows_a_name(world, people):
    assert found(world, birth_date=dt.date(2014, 11, 3)) == {"Émma Sophie de Vries"}
    assert found(world, "Vries", dt.date(2015, 1, 9)) == {"Lotte Vries"}
    assert found(world, "Vries", dt.date(2013, 5, 20)) == set()


def test_a_bsn_finds_exactly_that_youth_and_with_a_birth_date_both_must_match(world, people):
    emma = people["emma"]
    assert found(world, emma.bsn) == {"Émma Sophie de Vries"}
    assert found(world, f"{emma.bsn[:4]} {emma.bsn[4:]}") == {"Émma Sophie de Vries"}
    assert found(world, emma.bsn, emma.birth_date) == {"Émma Sophie de Vries"}
    assert found(world, emma.bsn, dt.date(2015, 1, 9)) == set()
    assert found(world, "999999990") == set()  # fails the eleven-test: no search at all


def test_a_form_that_asks_for_a_bsn_does_not_search_by_name(world, people):
    user = world.users[Role.CONTRACT_MANAGER]
    assert youth_search(user=user, route=ROUTE, query="Vries", by_name=False) == []
    by_bsn = youth_search(user=user, route=ROUTE, query=people["joep"].bsn, by_name=False)
    assert by_bsn == [people["joep"]]


def test_nothing_to_search_for_finds_nothing_and_logs_nothing(world, people):
    reads = AccessRecord.objects.filter(event=AccessEvent.READ)
    before = reads.count()
    assert found(world, "   ") == set()
    assert found(world, "") == set()
    assert reads.count() == before


def test_every_youth_found_is_in_the_access_log_as_a_search(world, people):
    user = world.users[Role.ACCESS_STAFF]
    reads = AccessRecord.objects.filter(event=AccessEvent.READ, user=user)
    before = reads.count()
    results = youth_search(user=user, route=ROUTE, query="vries")
    records = list(reads.order_by("seq")[before:])
    assert {r.youth_id for r in records} == {y.pk for y in results}
    assert len(results) == 2
    assert {r.purpose for r in records} == {AccessPurpose.SEARCH}


def test_the_search_keeps_to_the_youth_the_user_may_see(world, people):
    """Access staff see their own municipality only; a provider only youth it has an
    allocation with; another region nothing."""
    gorinchem = youth_create(
        actor=None,
        bsn=synthetic_test_bsn(24),
        given_name="Emma",
        family_name="de Vries",
        birth_date=dt.date(2014, 11, 3),
        municipality=world.gorinchem,
    )
    access = youth_search(user=world.users[Role.ACCESS_STAFF], route=ROUTE, query="Vries")
    assert gorinchem not in access
    assert people["emma"] in access
    manager = youth_search(user=world.users[Role.CONTRACT_MANAGER], route=ROUTE, query="Vries")
    assert gorinchem in manager
    assert youth_search(user=world.users[Role.PROVIDER], route=ROUTE, query="Vries") == []
    assert youth_search(user=world.users["other_region"], route=ROUTE, query="Vries") == []
    # the provider's own youth (an allocation) it does find by name
    anna = youth_search(user=world.users[Role.PROVIDER], route=ROUTE, query="anna visser")
    assert anna == [world.youth["anna"]]


def test_an_anonymised_youth_is_found_by_nothing(world, people):
    emma = youth_anonymise(youth=people["emma"])
    assert (emma.given_name_index, emma.family_name_index, emma.bsn_index) == ("", "", None)
    assert found(world, "Vries") == {"Lotte Vries"}
    assert found(world, birth_date=emma.birth_date) == set()  # born on the 1st now, too
    assert found(world, birth_date=dt.date(2014, 11, 1)) == set()


@pytest.mark.parametrize(
    ("typed", "family"),
    [
        ("de Vries", "vries"),
        ("Vries", "vries"),
        ("VAN DER berg", "berg"),
        ("van den Berg", "berg"),
        ("'t Hart", "hart"),
        ("’t Hart", "hart"),
        ("d'Ancona", "ancona"),
        ("Vries, de", "vries"),
        ("ten  Cate", "cate"),
        ("Öztürk", "ozturk"),
        ("Visser - de Wit", "visser-de wit"),
        ("Van", "van"),  # a name of prefixes only keeps its last word
        ("De", "de"),
    ],
)
def test_a_family_name_is_compared_without_case_accents_and_tussenvoegsels(typed, family):
    assert normalise_family_name(typed) == family


def test_a_separately_kept_prefix_is_dropped_like_one_in_the_name():
    assert normalise_family_name("Berg", prefix="van der") == "berg"
    assert normalise_family_name("Vries", prefix="De") == normalise_family_name("de Vries")


def test_a_given_name_is_compared_by_its_first_word():
    assert normalise_given_name("Émma  Sophie") == "emma"
    assert normalise_given_name("  ") == ""


def test_a_typed_name_is_read_as_a_family_name_a_given_name_or_both():
    readings = {(r.given, r.family) for r in name_readings("Émma de Vries")}
    assert readings == {("", "emma de vries"), ("emma", "vries")}
    assert {(r.given, r.family) for r in name_readings("emma")} == {("", "emma"), ("emma", "")}
    assert name_readings(" ") == []
