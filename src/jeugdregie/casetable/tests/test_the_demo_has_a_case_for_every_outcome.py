# SPDX-License-Identifier: EUPL-1.2
"""The demo region shows the afwegingskader at work: a case per outcome, two on a planned
meeting's agenda, one with an evaluation moment; seeding again adds nothing."""

import pytest

from jeugdregie.casetable.constants import CaseStatus
from jeugdregie.casetable.demo import cases_seed_demo
from jeugdregie.casetable.models import Case, Meeting
from jeugdregie.demo.constants import DEFAULT_SEED, Scale
from jeugdregie.demo.services import demo_seed
from jeugdregie.framework.models import EvaluationReceipt

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_case_for_every_outcome_and_seeding_again_adds_nothing() -> None:
    demo_seed(scale=Scale.SMALL, seed=DEFAULT_SEED, year=2025)
    cases_seed_demo()  # whether or not seed_demo made them already

    cases = list(Case.objects.filter(region__code="zhz").order_by("pk"))
    assert sorted(c.outcome for c in cases) == sorted(
        ["voorleggen", "uitzondering", "afgewezen", "onvoldoende_informatie", "voorleggen"]
    )
    assert {c.status for c in cases} == {CaseStatus.OPEN, CaseStatus.ON_AGENDA}
    assert sum(c.follow_ups.count() for c in cases) == 1
    (meeting,) = Meeting.objects.filter(region__code="zhz")
    assert meeting.items.count() == 2
    assert EvaluationReceipt.objects.filter(case_id__in=[c.number for c in cases]).count() >= 5

    assert cases_seed_demo() == 0
    assert Case.objects.filter(region__code="zhz").count() == 5
