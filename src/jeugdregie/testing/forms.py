# SPDX-License-Identifier: EUPL-1.2
"""Reading a rendered form back as a browser would submit it unchanged: the tests that open
an edit form and save it as it is (nothing may change, nothing may be refused)."""

from html.parser import HTMLParser
from typing import TypeVar

import django_filters
from django import forms

T = TypeVar("T")


class _FormReader(HTMLParser):
    """The values of the first POST form with the ``action`` asked for ("": the page's own
    address, as the edit forms have; not the header's log-out form): inputs, checked boxes
    and radio buttons, selected options and text areas, as a browser sends them."""

    def __init__(self, action: str) -> None:
        super().__init__(convert_charrefs=True)
        self.action = action
        self.data: dict[str, list[str]] = {}
        self.in_form = False
        self.done = False
        self.select: str | None = None
        self.first_option: str | None = None
        self.selected = False
        self.textarea: str | None = None
        self.text: list[str] = []

    def _add(self, name: str, value: str) -> None:
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form" and not self.done and a.get("method", "").lower() == "post":
            self.in_form = a.get("action", "") == self.action
        if not self.in_form or "disabled" in a:
            return
        name = a.get("name", "")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in {"checkbox", "radio"}:
                if "checked" in a:
                    self._add(name, a.get("value", "on"))
            elif kind not in {"submit", "button", "image", "reset", "file"}:
                self._add(name, a.get("value", ""))
        elif tag == "select" and name:
            self.select, self.first_option, self.selected = name, None, False
        elif tag == "option" and self.select is not None:
            value = a.get("value", "")
            if self.first_option is None:
                self.first_option = value
            if "selected" in a:
                self._add(self.select, value)
                self.selected = True
        elif tag == "textarea" and name:
            self.textarea, self.text = name, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.in_form:
            self.in_form, self.done = False, True
        elif tag == "select" and self.select is not None:
            if not self.selected and self.first_option is not None:
                self._add(self.select, self.first_option)  # a browser sends the first option
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self._add(self.textarea, "".join(self.text).removeprefix("\n"))
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.text.append(data)


def form_as_submitted(html: str, action: str = "") -> dict[str, list[str]]:
    """What a browser posts when the POST form of ``html`` with ``action`` is saved without
    changes."""
    reader = _FormReader(action)
    reader.feed(html)
    if not reader.done:
        raise AssertionError("the page has no complete POST form")
    return reader.data


def _import_form_modules() -> None:
    import importlib
    import pkgutil

    import jeugdregie

    for module in pkgutil.walk_packages(jeugdregie.__path__, "jeugdregie."):
        leaf = module.name.rsplit(".", 1)[-1]
        if leaf in {"forms", "filters", "views"} and ".tests" not in module.name:
            importlib.import_module(module.name)


def _subclasses(root: type[T]) -> set[type[T]]:
    found: set[type[T]] = set()
    todo: list[type[T]] = [root]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return {cls for cls in found if cls.__module__.startswith("jeugdregie.")}


def form_classes() -> set[type[forms.BaseForm]]:
    """Every form class of the product (its ``forms``, ``filters`` and ``views`` modules)."""
    _import_form_modules()
    return _subclasses(forms.BaseForm)


def filterset_classes() -> set[type[django_filters.FilterSet]]:
    """Every django-filter FilterSet of the product."""
    _import_form_modules()
    return _subclasses(django_filters.FilterSet)
