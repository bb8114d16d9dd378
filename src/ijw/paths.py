# SPDX-License-Identifier: EUPL-1.2
"""Element paths in findings: ``/JW315/Client/AangevraagdeProducten/AangevraagdProduct[2]``.

The root is the message type; a position ``[n]`` (1-based) is written only when an element
has siblings with the same name. Rules build the same paths with ``step()``.
"""

from __future__ import annotations

from itertools import islice

from lxml import etree


def local_name(tag: object) -> str:
    if not isinstance(tag, str):
        return "?"
    return tag.rpartition("}")[2]


def step(name: str, index: int, count: int) -> str:
    """Path step for item ``index`` (0-based) of ``count`` elements called ``name``."""
    return f"{name}[{index + 1}]" if count > 1 else name


def element_path(element: etree._Element, root_name: str) -> str:
    parts: list[str] = []
    current: etree._Element | None = element
    while current is not None:
        parent = current.getparent()
        if parent is None:
            parts.append(root_name)
            break
        same = [sibling for sibling in parent if sibling.tag == current.tag]
        parts.append(step(local_name(current.tag), same.index(current), len(same)))
        current = parent
    return "/" + "/".join(reversed(parts))


def resolve(root: etree._Element, path: str) -> etree._Element | None:
    """The element at ``path`` (as produced by ``element_path`` or rules), if it exists."""
    steps = path.strip("/").split("/")[1:]
    current = root
    for part in steps:
        name, _, rest = part.partition("[")
        index = int(rest.rstrip("]")) - 1 if rest else 0
        found = next(islice(current.iterchildren(f"{{*}}{name}"), index, None), None)
        if found is None:
            return None
        current = found
    return current
