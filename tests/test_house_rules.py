"""The house-rule checks `make lint` runs (scripts/check_*.py) find what they are meant to find."""

from __future__ import annotations

from pathlib import Path

from scripts import check_dead_code, check_file_sizes, check_private_imports


def test_no_production_file_passes_400_lines() -> None:
    files = check_file_sizes.production_files()
    assert any(p.name == "rules.py" for p in files)
    assert not any("tests" in p.parts or "migrations" in p.parts for p in files)
    assert check_file_sizes.too_long(files) == []


def test_a_file_over_the_limit_is_reported(tmp_path: Path) -> None:
    (tmp_path / "services").mkdir()
    long = tmp_path / "services" / "long.py"
    long.write_text("x = 1\n" * 401)
    (tmp_path / "services" / "short.py").write_text("x = 1\n" * 400)
    assert check_file_sizes.too_long(check_file_sizes.production_files(tmp_path)) == [(long, 401)]


def test_private_names_across_modules_are_reported_in_both_forms(tmp_path: Path) -> None:
    source = tmp_path / "offender.py"
    source.write_text(
        "from services.booking.rules import _hidden, check_transition\n"
        "from services.booking import rules\n"
        "import vipkit.db as db\n"
        "rules._secret()\n"
        "db._engine\n"
        "rules.check_transition\n"
        "self_thing._private = 1\n"
    )
    found = sorted(check_private_imports.violations(source, check_private_imports.project_modules()))
    assert [line for line, _ in found] == [1, 4, 5]
    assert "'_hidden'" in found[0][1] and "rules._secret" in found[1][1] and "db._engine" in found[2][1]


def test_the_project_imports_no_private_name_across_modules() -> None:
    modules = check_private_imports.project_modules()
    assert [v for p in check_private_imports.python_files() for v in check_private_imports.violations(p, modules)] == []


def test_an_unused_function_is_dead_code_a_route_handler_is_not(tmp_path: Path) -> None:
    package = tmp_path / "services"
    package.mkdir()
    (package / "mod.py").write_text(
        "from fastapi import APIRouter\n"
        "router = APIRouter()\n\n\n"
        "def used() -> int:\n    return 1\n\n\n"
        "def forgotten() -> int:\n    return 2\n\n\n"
        "@router.get('/x')\n"
        "def handler() -> int:\n    return used()\n"
    )
    found = check_dead_code.dead_code(tmp_path)
    assert len(found) == 1 and "'forgotten'" in found[0]
