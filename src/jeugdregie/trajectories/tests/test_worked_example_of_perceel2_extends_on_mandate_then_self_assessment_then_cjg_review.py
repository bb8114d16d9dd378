# SPDX-License-Identifier: EUPL-1.2
"""perceel2.md §4: specialist youth mental health, basic duration 12 months, trajectory
2025-02-01 – 2026-01-31; every branch, including the pilot that ended on 2025-12-31."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from jeugdregie.accounts.constants import Role
from jeugdregie.allocations.models import Allocation
from jeugdregie.trajectories.constants import ExtensionRoute, ExtensionStatus, PolicyEndKind
from jeugdregie.trajectories.models import Extension
from jeugdregie.trajectories.services import policy_version_end_set
from jeugdregie.trajectories.tests.world import Perceel2
from jeugdregie.workflows.extensions import (
    extension_referrer_decide,
    extension_request,
    extension_review_decide,
    extension_self_assessment_attach,
)

PILOT = "ijzk-p2-pilot-2025"
ANSWERS = {
    "doelen": "Angstklachten verminderd; sociale doelen nog niet bereikt.",
    "noodzaak": "Terugval bij afschalen in het voorjaar.",
    "alternatieven": "Voorliggend veld overwogen; nog niet passend.",
}


def _end(p2: Perceel2) -> dt.date | None:
    return Allocation.objects.get(pk=p2.allocation.pk).end


def _request(p2: Perceel2, on: dt.date, end: dt.date, self_assessment: str = "") -> Extension:
    return extension_request(
        actor=p2.world.users[Role.PROVIDER],
        provider=p2.world.provider,
        allocation=p2.allocation,
        requested_end=end,
        request_date=on,
        self_assessment=self_assessment,
    )


def _continue_pilot(p2: Perceel2, until: dt.date) -> None:
    policy_version_end_set(
        actor=p2.world.users["other_region"],
        region=p2.world.other_region,
        version_code=PILOT,
        end=until,
        kind=PolicyEndKind.MOVED,
        decision_reference="Collegebesluit 25 november 2025",
        reason="Evaluatie positief: pilot met een jaar verlengd.",
    )


@pytest.mark.django_db
def test_the_pilot_continued_first_on_mandate_second_with_self_assessment_third_by_the_cjg(p2):
    assert p2.trajectory.basic_duration_months == 12
    _continue_pilot(p2, dt.date(2026, 12, 31))

    first = _request(p2, dt.date(2025, 12, 15), dt.date(2026, 7, 31))
    assert (first.number, first.route, first.status) == (
        1,
        ExtensionRoute.MANDATE,
        ExtensionStatus.GRANTED,
    )
    assert _end(p2) == dt.date(2026, 7, 31)

    second = _request(p2, dt.date(2026, 6, 20), dt.date(2027, 1, 31))
    assert (second.number, second.route, second.status) == (
        2,
        ExtensionRoute.SELF_ASSESSMENT,
        ExtensionStatus.PENDING,
    )
    assert second.reason == "zelfevaluatie vereist voor de tweede verlenging"
    assert _end(p2) == dt.date(2026, 7, 31)

    second = extension_self_assessment_attach(
        actor=p2.world.users[Role.PROVIDER],
        provider=p2.world.provider,
        extension=second,
        self_assessment="De behandeling loopt; gezinssysteem pas recent betrokken.",
        on=dt.date(2026, 6, 25),
    )
    assert second.status == ExtensionStatus.GRANTED
    assert second.has_self_assessment
    assert _end(p2) == dt.date(2027, 1, 31)

    third = _request(p2, dt.date(2026, 12, 10), dt.date(2027, 6, 30))
    assert (third.number, third.route, third.status) == (
        3,
        ExtensionRoute.CJG_REVIEW,
        ExtensionStatus.PENDING,
    )
    assert _end(p2) == dt.date(2027, 1, 31)
    extension_review_decide(
        actor=p2.cjg,
        extension=third,
        grant=True,
        answers=ANSWERS,
        motivation="Doelen haalbaar binnen een half jaar; evaluatie in april.",
        on=dt.date(2026, 12, 20),
    )
    third.refresh_from_db()
    assert third.status == ExtensionStatus.GRANTED
    assert third.review_answers == ANSWERS
    assert _end(p2) == dt.date(2027, 6, 30)


@pytest.mark.django_db
def test_the_cjg_refuses_a_third_extension_with_a_motivation_and_the_end_stays(p2):
    _continue_pilot(p2, dt.date(2026, 12, 31))
    _request(p2, dt.date(2025, 12, 15), dt.date(2026, 7, 31))
    _request(p2, dt.date(2026, 6, 20), dt.date(2027, 1, 31), self_assessment="Nodig.")
    third = _request(p2, dt.date(2026, 12, 10), dt.date(2027, 6, 30))
    with pytest.raises(ValidationError) as error:
        extension_review_decide(
            actor=p2.cjg, extension=third, grant=False, answers={}, motivation="", on=None
        )
    assert set(error.value.message_dict) == {"answers", "motivation"}
    extension_review_decide(
        actor=p2.cjg,
        extension=third,
        grant=False,
        answers=ANSWERS,
        motivation="Overdracht naar perceel 1 is passender.",
    )
    third.refresh_from_db()
    assert third.status == ExtensionStatus.REFUSED
    assert third.decision_motivation == "Overdracht naar perceel 1 is passender."
    assert _end(p2) == dt.date(2027, 1, 31)


@pytest.mark.django_db
def test_the_pilot_ended_on_2025_12_31_so_the_request_of_2026_06_20_needs_the_referrer(p2):
    first = _request(p2, dt.date(2025, 12, 15), dt.date(2026, 7, 31))
    assert (first.route, first.policy_version) == (ExtensionRoute.MANDATE, PILOT)
    assert _end(p2) == dt.date(2026, 7, 31)

    second = _request(
        p2, dt.date(2026, 6, 20), dt.date(2027, 1, 31), self_assessment="Zelfevaluatie erbij."
    )
    assert (second.route, second.status, second.policy_version) == (
        ExtensionRoute.STANDARD_REFERRER,
        ExtensionStatus.PENDING,
        "",
    )
    assert _end(p2) == dt.date(2026, 7, 31)
    extension_referrer_decide(
        actor=p2.cjg, extension=second, grant=True, motivation="Akkoord verwijzer."
    )
    second.refresh_from_db()
    assert second.status == ExtensionStatus.GRANTED
    assert _end(p2) == dt.date(2027, 1, 31)


@pytest.mark.django_db
def test_a_pending_second_extension_falls_back_to_the_referrer_when_the_pilot_is_ended_early(p2):
    """The pilot ends early by a decision dated before the request: attaching the
    self-assessment no longer grants it on mandate."""
    _continue_pilot(p2, dt.date(2026, 12, 31))
    _request(p2, dt.date(2025, 12, 15), dt.date(2026, 7, 31))
    second = _request(p2, dt.date(2026, 6, 20), dt.date(2027, 1, 31))
    policy_version_end_set(
        actor=p2.world.users["other_region"],
        region=p2.world.other_region,
        version_code=PILOT,
        end=dt.date(2026, 5, 31),
        kind=PolicyEndKind.TERMINATED,
        decision_reference="Uitspraak geschillencommissie 2026-07",
        reason="Bezwaar gegrond verklaard.",
    )
    second = extension_self_assessment_attach(
        actor=None, provider=p2.world.provider, extension=second, self_assessment="Nodig."
    )
    assert (second.route, second.status) == (
        ExtensionRoute.STANDARD_REFERRER,
        ExtensionStatus.PENDING,
    )
    assert _end(p2) == dt.date(2026, 7, 31)
