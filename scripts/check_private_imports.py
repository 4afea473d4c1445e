"""House rule (DEVELOPERS.md): no ``_private`` name is used across modules. Run by ``make lint``.

A name starting with one underscore (not a dunder) belongs to its module. This check reads every
project ``.py`` file (tests included) and reports

- ``from project.module import _name`` and
- ``alias._name`` where ``alias`` is a project module imported in that file (``import a.b as alias``,
  ``from a import b``).

Exit status 1 lists the offending lines.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("services", "gateway", "vipkit", "contracts", "simulator", "scripts", "bench", "tests")
SKIP_DIRS = {".venv", "var", "node_modules", "build"}


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def is_project(module: str | None) -> bool:
    return bool(module) and module.split(".")[0] in PROJECT  # type: ignore[union-attr]


def project_modules(root: Path = ROOT) -> set[str]:
    """Dotted names of every project module and package."""
    names: set[str] = set()
    for path in python_files(root):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.add(".".join(parts))
    return names


def python_files(root: Path = ROOT) -> Iterator[Path]:
    for package in PROJECT:
        for path in sorted((root / package).rglob("*.py")):
            if not SKIP_DIRS.intersection(path.relative_to(root).parts):
                yield path


def violations(path: Path, modules: set[str]) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    aliases: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and is_project(node.module):
            yield from private_from_import(node, modules, aliases)
        elif isinstance(node, ast.Import):
            aliases.update(a.asname or a.name for a in node.names if is_project(a.name) and a.name in modules)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and is_private(node.attr)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
        ):
            yield node.lineno, f"uses private name {node.value.id}.{node.attr} of another module"


def private_from_import(node: ast.ImportFrom, modules: set[str], aliases: set[str]) -> Iterator[tuple[int, str]]:
    """``from module import _name``; a module imported this way is remembered in ``aliases``."""
    for alias in node.names:
        if is_private(alias.name):
            yield node.lineno, f"imports private name {alias.name!r} from {node.module}"
        elif f"{node.module}.{alias.name}" in modules:
            aliases.add(alias.asname or alias.name)


def main() -> int:
    modules = project_modules()
    found = 0
    for path in python_files():
        for line, message in violations(path, modules):
            print(f"{path.relative_to(ROOT)}:{line}: {message}")
            found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
