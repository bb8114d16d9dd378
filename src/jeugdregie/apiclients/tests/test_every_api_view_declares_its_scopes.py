# SPDX-License-Identifier: EUPL-1.2
"""Every method of every API view names the scope a client needs: none is forgotten."""

from django.urls import URLPattern, get_resolver

from jeugdregie.apiclients.constants import Scope

METHODS = ("get", "post", "put", "patch", "delete")


def _api_views() -> dict[str, type]:
    views: dict[str, type] = {}
    for pattern in get_resolver("jeugdregie.conf.api_urls").url_patterns:
        assert isinstance(pattern, URLPattern)
        view_class = getattr(pattern.callback, "cls", None)
        if view_class is not None and str(pattern.pattern).startswith("v1/"):
            views[str(pattern.name)] = view_class
    return views


def test_every_method_of_every_api_view_declares_a_known_scope():
    views = _api_views()
    assert len(views) >= 9
    missing = {
        f"{name} {method.upper()}"
        for name, view in views.items()
        for method in METHODS
        if hasattr(view, method)
        and getattr(view, "required_scopes", {}).get(method.upper()) not in Scope.values
    }
    assert missing == set()
