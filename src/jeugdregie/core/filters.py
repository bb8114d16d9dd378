# SPDX-License-Identifier: EUPL-1.2
"""One filter grammar for the screens and the API: django-filter FilterSets.

An app declares its list's filters once, with English names (the API's query parameters).
A screen keeps its Dutch parameter names through a subclass that only renames:

    class AllocationPageFilterSet(NamedFilterSet, AllocationFilterSet):
        parameter_names = {"number": "nummer", "status": "status", ...}

The filtering itself (fields, lookups, methods) stays in the one definition, and the renaming
also fixes the order of the screen's form fields. Invalid values: the API answers 400 with
the form's message per parameter (``DjangoFilterBackend``); a screen ignores the value and
shows the message beside the field, as Django forms do.
"""

from collections import OrderedDict
from typing import Any, ClassVar

import django_filters


class NamedFilterSet(django_filters.FilterSet):
    """A FilterSet whose query parameters are renamed by ``parameter_names`` (English → shown).

    Every filter must be named: a filter added to the shared definition without a name on a
    screen is a mistake caught when the class is made, not a parameter that silently appears.
    """

    parameter_names: ClassVar[dict[str, str]] = {}

    @classmethod
    def get_filters(cls) -> "OrderedDict[str, Any]":
        filters = super().get_filters()
        if not cls.parameter_names:
            return filters
        unnamed = sorted(set(filters) - set(cls.parameter_names))
        unknown = sorted(set(cls.parameter_names) - set(filters))
        if unnamed or unknown:
            raise TypeError(
                f"{cls.__name__}.parameter_names: unnamed filters {unnamed}, "
                f"unknown filters {unknown}"
            )
        return OrderedDict((shown, filters[name]) for name, shown in cls.parameter_names.items())
