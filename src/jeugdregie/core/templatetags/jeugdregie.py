# SPDX-License-Identifier: EUPL-1.2
from decimal import Decimal

from django import template
from django.http import HttpRequest

from jeugdregie.core.sources import source_for_people

register = template.Library()


@register.filter
def euro(value: Decimal | int | None) -> str:
    """€ 1.234.567,89 (Dutch notation)."""
    if value is None:
        return "—"
    amount = Decimal(value).quantize(Decimal("0.01"))
    whole, cents = f"{abs(amount):,.2f}".split(".")
    sign = "-" if amount < 0 else ""
    return f"{sign}€ {whole.replace(',', '.')},{cents}"


@register.filter
def nl_number(value: int | None) -> str:
    """A whole number with the Dutch thousands separator: 18.616."""
    if value is None:
        return "—"
    return f"{int(value):,}".replace(",", ".")


@register.filter
def percent(value: Decimal | float | None) -> str:
    if value is None:
        return "—"
    return f"{Decimal(str(value)) * 100:.1f}%".replace(".", ",")


@register.filter
def plain_source(value: str) -> str:
    """A policy source in words for people (``core.sources.source_for_people``)."""
    return source_for_people(value)


@register.simple_tag(takes_context=True)
def sort_query(context: template.Context, key: str) -> str:
    """The query string for sorting on ``key``; toggles direction when already sorted on it."""
    request: HttpRequest = context["request"]
    params = request.GET.copy()
    current = params.get("sorteer", "")
    params["sorteer"] = f"-{key}" if current == key else key
    params.pop("pagina", None)
    return params.urlencode()


@register.simple_tag(takes_context=True)
def aria_sort(context: template.Context, key: str) -> str:
    current = context["request"].GET.get("sorteer", "")
    if current == key:
        return "ascending"
    if current == f"-{key}":
        return "descending"
    return "none"


@register.simple_tag(takes_context=True)
def page_query(context: template.Context, number: int) -> str:
    params = context["request"].GET.copy()
    params["pagina"] = str(number)
    return params.urlencode()


@register.filter
def lookup(mapping: dict[str, object], key: str) -> object:
    return mapping.get(key)
