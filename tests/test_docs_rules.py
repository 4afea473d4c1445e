"""docs/rules.md maps every SPEC rule to its function and its test: each one named there exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RULES_MD = ROOT / "docs" / "rules.md"
ROW = re.compile(r"^\|\s*[\d.]+\s*\|.*\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|\s*$")


def rows() -> list[tuple[str, str]]:
    found = [m.groups() for line in RULES_MD.read_text(encoding="utf-8").splitlines() if (m := ROW.match(line))]
    return [(f, t) for f, t in found]


def definitions(path: Path) -> set[str]:
    """Dotted names defined in a module: functions, classes, ``Class.method``, ``Class::test``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    names.add(f"{node.name}.{item.name}")
                    names.add(f"{node.name}::{item.name}")
    return names


def exists(reference: str) -> bool:
    path, _, name = reference.partition("::")
    file = ROOT / path
    return file.is_file() and name in definitions(file)


def test_the_table_covers_every_service_of_the_spec() -> None:
    found = rows()
    assert len(found) >= 50
    for service in ("tiering", "entitlements", "booking", "revisit"):
        assert any(f"services/{service}/" in function for function, _ in found), service


@pytest.mark.parametrize(("function", "test"), rows())
def test_each_named_function_and_test_exists(function: str, test: str) -> None:
    assert exists(function), f"docs/rules.md names {function}, which does not exist"
    assert "/tests/" in test or test.startswith("tests/"), test
    assert test.split("::")[-1].startswith("test_"), test
    assert exists(test), f"docs/rules.md names {test}, which does not exist"


def test_a_missing_name_is_caught() -> None:
    assert not exists("services/booking/rules.py::no_such_rule")
    assert exists("services/booking/rules.py::cancel_deadline")
    assert exists("vipkit/calendar.py::WorkingCalendar.add_working_days")
