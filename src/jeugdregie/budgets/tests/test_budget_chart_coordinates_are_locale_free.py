# SPDX-License-Identifier: EUPL-1.2
"""The budget chart's SVG numbers use a decimal point whatever the UI language (nl: comma)."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from lxml import etree

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.auth import sign_in

NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@pytest.mark.django_db
def test_every_coordinate_in_the_chart_is_a_plain_number(world):
    client = Client()
    sign_in(client, world.users[Role.CONTRACT_MANAGER])
    page = client.get(
        reverse("budgets:provider-budget", kwargs={"pk": world.provider.pk}), {"jaar": 2025}
    ).content.decode()
    svg_text = re.search(r"<svg.*?</svg>", page, re.DOTALL)
    assert svg_text is not None
    svg = etree.fromstring(svg_text.group(0).encode())
    checked = 0
    for element in svg.iter():
        attributes = {str(key): str(value) for key, value in element.attrib.items()}
        for name in ("x", "y", "x1", "x2", "y1", "y2"):
            if name in attributes:
                assert NUMBER.match(attributes[name]), (element.tag, name, attributes[name])
                checked += 1
        if "points" in attributes:
            for pair in attributes["points"].split():
                assert all(NUMBER.match(part) for part in pair.split(",")), pair
                checked += 1
    assert checked > 20
