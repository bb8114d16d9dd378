# SPDX-License-Identifier: EUPL-1.2
"""Every role has a demo account, and each one sees what its organisation may see."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from jeugdregie.accounts.constants import ROLE_ORGANISATION_KIND, Role
from jeugdregie.accounts.models import User
from jeugdregie.allocations.selectors import allocations_visible_to
from jeugdregie.clients.constants import ReferrerType
from jeugdregie.clients.models import Referral
from jeugdregie.demo.constants import DEMO_LOGINS, DEMO_PASSWORD


@pytest.mark.django_db
def test_every_role_has_a_demo_account_with_the_demo_password(small_demo):
    users = {user.username: user for user in User.objects.select_related("organisation")}

    assert {login.role for login in DEMO_LOGINS if login.region == "zhz"} == set(Role)
    for login in DEMO_LOGINS:
        user = users[login.username]
        assert user.role == login.role
        assert user.organisation is not None
        assert user.organisation.kind == ROLE_ORGANISATION_KIND[login.role]
        assert user.organisation.region.code == login.region
        assert user.check_password(DEMO_PASSWORD)
    assert users["beheer"].is_staff
    assert users["beheer"].has_perm("contracting.change_provider")
    assert not users["beheer"].has_perm("clients.view_youth")
    assert not users["contractbeheer"].is_staff


@pytest.mark.django_db
def test_the_two_provider_accounts_see_disjoint_allocations(small_demo):
    first = User.objects.get(username="aanbieder")
    second = User.objects.get(username="aanbieder2")
    first_ids = set(allocations_visible_to(user=first).values_list("pk", flat=True))
    second_ids = set(allocations_visible_to(user=second).values_list("pk", flat=True))

    assert first.organisation is not None
    assert second.organisation is not None
    assert first.organisation.provider_id != second.organisation.provider_id
    assert first_ids
    assert second_ids
    assert not first_ids & second_ids


@pytest.mark.django_db
def test_gi_staff_see_the_youth_their_own_gi_referred(small_demo):
    user = User.objects.get(username="gi.jeugdbescherming")
    visible = allocations_visible_to(user=user)

    assert visible.exists()
    assert set(visible.values_list("referral__referrer_organisation", flat=True)) == {
        user.organisation_id
    }
    gi_referrals = Referral.objects.filter(
        referrer_type=ReferrerType.CERTIFIED_INSTITUTION, youth__municipality__region__code="zhz"
    )
    assert not gi_referrals.filter(referrer_organisation__isnull=True).exists()


@pytest.mark.django_db
def test_access_staff_see_only_their_own_municipality(small_demo):
    user = User.objects.get(username="toegang.dordrecht")
    municipalities = set(
        allocations_visible_to(user=user).values_list("municipality__name", flat=True)
    )

    assert municipalities == {"Dordrecht"}


@pytest.mark.django_db
def test_demo_logins_prints_a_dutch_table_of_the_accounts(small_demo):
    output = StringIO()
    call_command("demo_logins", stdout=output)
    text = output.getvalue()

    assert "Gebruikersnaam" in text
    assert "Wachtwoord" in text
    assert DEMO_PASSWORD in text
    with translation.override("nl"):
        assert str(Role.GI_STAFF.label) in text
    for login in DEMO_LOGINS:
        assert login.username in text


@pytest.mark.django_db
def test_demo_logins_says_how_to_load_the_demo_when_it_is_not_there():
    output = StringIO()
    call_command("demo_logins", stdout=output)

    assert "jeugdregie seed_demo" in output.getvalue()
