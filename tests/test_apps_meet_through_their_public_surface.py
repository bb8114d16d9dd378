# SPDX-License-Identifier: EUPL-1.2
"""Apps meet through each other's public surface: an app's ``services``, ``selectors`` and
``constants`` declare ``__all__``, and another app imports from them only what is listed
there (the import contract in ``.importlinter`` keeps the direction; this keeps the names).
A private helper or a name a module merely imported is not part of its surface."""

import ast
from pathlib import Path

from django.conf import settings

SRC = Path(settings.PROJECT_DIR) / "src"
APPS = SRC / "jeugdregie"
SURFACES = ("services", "selectors", "constants")


def _module_path(dotted: str) -> Path | None:
    path = SRC.joinpath(*dotted.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def _declared(path: Path) -> list[str] | None:
    tree = ast.parse(path.read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return [ast.literal_eval(element) for element in node.value.elts]  # type: ignore[attr-defined]
    return None


def _surface_modules() -> list[Path]:
    """Each app's services, selectors and constants; of a surface that is a package, each
    of its modules (the package itself only groups them)."""
    found = []
    for app in sorted(p for p in APPS.iterdir() if (p / "__init__.py").exists()):
        for name in SURFACES:
            path = _module_path(f"jeugdregie.{app.name}.{name}")
            if path is None:
                continue
            if path.name == "__init__.py":
                found.extend(sorted(p for p in path.parent.glob("*.py") if p != path))
            else:
                found.append(path)
    return found


def cross_app_imports_outside_the_surface(root: Path) -> list[str]:
    """Every ``from jeugdregie.<app>.<surface> import name`` in another app's module (tests
    and migrations excepted) whose name the surface does not list in ``__all__``."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        if "tests" in parts or "migrations" in parts or len(parts) < 2:
            continue
        importer_app = parts[1]
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.ImportFrom) or not node.module:
                continue
            module = node.module.split(".")
            if len(module) < 3 or module[0] != "jeugdregie" or module[1] == importer_app:
                continue
            if module[2] not in SURFACES:
                continue
            target = _module_path(node.module)
            declared = _declared(target) if target else None
            for alias in node.names:
                submodule = (
                    target is not None
                    and target.name == "__init__.py"
                    and ((target.parent / f"{alias.name}.py").exists())
                )
                if submodule:  # a module of a surface package: its own __all__ is checked
                    continue
                if declared is None or alias.name not in declared:
                    problems.append(
                        f"{path.relative_to(root.parent)}:{node.lineno} imports "
                        f"{alias.name} from {'.'.join(module[:3])}"
                    )
    return problems


def test_every_surface_declares_what_it_offers():
    missing = [str(p.relative_to(SRC)) for p in _surface_modules() if _declared(p) is None]
    assert not missing, "no __all__ in: " + ", ".join(missing)


def test_other_apps_import_only_what_a_surface_offers():
    problems = cross_app_imports_outside_the_surface(APPS)
    assert not problems, "\n".join(problems)


def test_a_name_outside_the_surface_is_named(tmp_path: Path):
    root = tmp_path / "jeugdregie"
    for app in ("lower", "upper"):
        (root / app).mkdir(parents=True)
        (root / app / "__init__.py").write_text("")
    (root / "lower" / "selectors.py").write_text(
        '__all__ = ["visible"]\n\ndef visible(): ...\n\ndef _hidden(): ...\n'
    )
    (root / "upper" / "views.py").write_text(
        "from jeugdregie.lower.selectors import visible, _hidden\n"
    )
    global SRC
    saved, SRC = SRC, tmp_path
    try:
        problems = cross_app_imports_outside_the_surface(root)
    finally:
        SRC = saved
    assert problems == [
        "jeugdregie/upper/views.py:1 imports _hidden from jeugdregie.lower.selectors"
    ]
