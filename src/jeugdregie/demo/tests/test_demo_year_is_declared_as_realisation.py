# SPDX-License-Identifier: EUPL-1.2
"""The demo year is complete: its care is on the books as realisation, month by month."""

from decimal import Decimal

import pytest
from django.db.models import Sum

from jeugdregie.budgets.models import Realisation
from jeugdregie.demo.tests.helpers import YEAR
from jeugdregie.monitoring.selectors import region_stats
from jeugdregie.regions.models import Region


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["zhz", "ijzk"])
def test_realisation_adds_up_to_the_planned_spend_of_the_year(small_demo, code):
    region = Region.objects.get(code=code)
    booked = Realisation.objects.filter(region=region, year=YEAR)
    total = booked.aggregate(total=Sum("amount"))["total"]
    spend = region_stats(region=region, year=YEAR).spend_total
    rows = booked.count()

    # each provider-month is rounded to cents once: at most half a cent off per row
    assert abs(total - spend) <= Decimal("0.005") * rows
    assert set(booked.values_list("month", flat=True)) == set(range(1, 13))
    assert not booked.filter(is_credit=True).exists()
