# SPDX-License-Identifier: EUPL-1.2
"""The dated tariff lookup has one owner (issue 12): ``contracting.selectors``. A tariff
applies from ``valid_from`` up to and including ``valid_to``; of those that apply, the
latest start counts. One product (``tariff_for``, the comparable tariff of a case) and many
(``tariff_book``: the ledger, the declaration import, the region figures) answer the same,
to the cent, on every day of the table."""

import datetime as dt
from decimal import Decimal

import pytest

from jeugdregie.budgets.ledger import priced_rows
from jeugdregie.contracting.constants import Frequency
from jeugdregie.contracting.selectors import tariff_book, tariff_for
from jeugdregie.testing.factories import ProductFactory, TariffFactory

D = dt.date

# (day, expected amount of the first product)
CASES = [
    (D(2023, 12, 31), None),  # before the first tariff
    (D(2024, 1, 1), Decimal("10.00")),  # first day
    (D(2024, 12, 31), Decimal("10.00")),  # its end date is its last day
    (D(2025, 1, 1), Decimal("12.50")),  # the open-ended successor
    (D(2025, 6, 30), Decimal("12.50")),
    (D(2025, 7, 1), Decimal("13.07")),  # a later start wins while it runs
    (D(2025, 9, 30), Decimal("13.07")),
    (D(2025, 10, 1), Decimal("12.50")),  # and the open one again after it
    (D(2030, 1, 1), Decimal("12.50")),
]


@pytest.fixture
def products(world):
    product = world.product
    product.tariffs.all().delete()
    TariffFactory.create(
        product=product, valid_from=D(2024, 1, 1), valid_to=D(2024, 12, 31), amount="10.00"
    )
    TariffFactory.create(product=product, valid_from=D(2025, 1, 1), amount="12.50")
    TariffFactory.create(
        product=product, valid_from=D(2025, 7, 1), valid_to=D(2025, 9, 30), amount="13.07"
    )
    # another product of the region, with a tariff every day: never mixed up with the first
    other = ProductFactory.create(region=world.region, lot=world.lot, code="45A99")
    TariffFactory.create(product=other, valid_from=D(2000, 1, 1), amount="99.99")
    return product, other


@pytest.mark.parametrize(("day", "expected"), CASES)
def test_one_product_and_many_give_the_same_amount(world, products, day, expected):
    product, other = products
    books = [
        tariff_book(region=world.region),
        tariff_book(region=world.region.pk),
        tariff_book(product_ids=[product.pk]),
        tariff_book(),
    ]
    assert tariff_for(product=product, on=day) == expected
    assert [book.price(product.pk, day) for book in books] == [expected] * len(books)
    assert tariff_for(product=other, on=day) == Decimal("99.99")
    assert tariff_book(region=world.other_region).price(product.pk, day) is None
    # the ledger prices an allocation without its own price at the tariff of its start
    (priced,) = priced_rows(
        [(1, 1, product.pk, product.unit, None, day, None, 4, Frequency.PER_WEEK, None, "", None)],
        tariff_book(region=world.region),
    )
    assert priced.terms.unit_price == expected
    if expected is not None:
        assert isinstance(tariff_for(product=product, on=day), Decimal)
