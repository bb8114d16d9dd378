# SPDX-License-Identifier: EUPL-1.2
"""The region's own look: design tokens and a logo from a token file (``JEUGDREGIE_THEME``),
on top of the NL Design System example theme that is the default.

The token file is JSON, in the design-token form NL Design System themes publish::

    {
      "name": "Regio Voorbeeld",
      "logo": "logo.svg",
      "tokens": {
        "jr": {"color": {"primary": {"value": "#00796b"}, "primary-text": {"value": "#fff"}}},
        "utrecht": {"button": {"primary-action": {"background-color": {"value": "#00796b"}}}}
      }
    }

Every leaf (``{"value": …}``, ``{"$value": …}`` or a plain string or number) becomes a CSS
custom property named by its path (``--jr-color-primary``), served as ``/thema.css`` after the
example theme. ``logo`` is an SVG or PNG file next to the token file. A value that could
break out of the declaration (``;``, ``{``, ``}``, ``<``, ``url(``, ``@``, ``\\``) is refused
with its path, at start-up (check ``jeugdregie.E401``) and never served.
"""

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings

__all__ = ["Theme", "ThemeError", "configured_theme", "theme_load"]

LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}
NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
UNSAFE = re.compile(r"[;{}<>\\@]|url\(|expression\(|/\*", re.IGNORECASE)


class ThemeError(ValueError):
    """The token file cannot be used; the message says where and why (Dutch)."""


@dataclass(frozen=True)
class Theme:
    name: str = ""
    properties: dict[str, str] = field(default_factory=dict)  # "--jr-color-primary" → value
    logo: Path | None = None

    @property
    def css(self) -> str:
        lines = "".join(f"  {name}: {value};\n" for name, value in self.properties.items())
        return f"html.voorbeeld-theme, html {{\n{lines}}}\n" if lines else ""

    @property
    def logo_type(self) -> str:
        return LOGO_TYPES[self.logo.suffix.lower()] if self.logo else ""


def _flatten(node: Any, path: list[str], out: dict[str, str], source: Path) -> None:
    where = ".".join(path) or "tokens"
    if isinstance(node, dict) and not ({"value", "$value"} & node.keys()):
        for key, child in node.items():
            if not isinstance(key, str) or not NAME.match(key):
                raise ThemeError(f"{source}: ongeldige tokennaam {key!r} in {where}")
            _flatten(child, [*path, key], out, source)
        return
    value = node.get("$value", node.get("value")) if isinstance(node, dict) else node
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ThemeError(f"{source}: token {where} heeft geen tekst of getal als waarde")
    text = str(value).strip()
    if not text or UNSAFE.search(text) or "\n" in text:
        raise ThemeError(f"{source}: token {where} heeft een ongeldige waarde {text!r}")
    out["--" + "-".join(path)] = text


def theme_load(path: Path) -> Theme:
    """The theme of a token file, or ThemeError saying what is wrong with it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ThemeError(f"{path}: het themabestand bestaat niet") from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ThemeError(f"{path}: geen leesbaar JSON-bestand ({error})") from error
    if not isinstance(data, dict):
        raise ThemeError(f"{path}: verwacht een object met 'tokens' (en 'name', 'logo')")
    unknown = set(data) - {"name", "logo", "tokens"}
    if unknown:
        raise ThemeError(f"{path}: onbekende sleutel(s) {', '.join(sorted(unknown))}")
    properties: dict[str, str] = {}
    _flatten(data.get("tokens", {}), [], properties, path)
    logo = None
    if data.get("logo"):
        logo = (path.parent / str(data["logo"])).resolve()
        if logo.suffix.lower() not in LOGO_TYPES:
            raise ThemeError(f"{path}: het logo moet een SVG- of PNG-bestand zijn ({logo.name})")
        if not logo.is_file():
            raise ThemeError(f"{path}: het logo {logo} bestaat niet")
    return Theme(name=str(data.get("name", "")), properties=properties, logo=logo)


@lru_cache(maxsize=1)
def _cached(path: str) -> Theme:
    return theme_load(Path(path)) if path else Theme()


def configured_theme() -> Theme:
    """The theme of ``JEUGDREGIE_THEME`` (the example theme alone when it is empty)."""
    return _cached(str(settings.JEUGDREGIE_THEME or ""))
