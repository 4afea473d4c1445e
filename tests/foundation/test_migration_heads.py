"""The readiness gate's migration heads (``vipkit.health.migration_heads``, read from the scripts
without importing Alembic) agree with Alembic's own ``ScriptDirectory`` for every service, and a
merge of two branches is read right."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from contracts import services as registry
from vipkit.health import migration_heads

ROOT = Path(__file__).resolve().parents[2]


def alembic_heads(migrations_dir: Path) -> tuple[set[str], set[str]]:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir))
    scripts = ScriptDirectory.from_config(cfg)
    return set(scripts.get_heads()), {rev.revision for rev in scripts.walk_revisions()}


@pytest.mark.parametrize("service", registry.SERVICES, ids=lambda s: s.name)
def test_heads_match_alembic(service: registry.ServiceEntry) -> None:
    migrations = ROOT / service.migrations
    heads, known = migration_heads(migrations)
    assert (heads, known) == alembic_heads(migrations)
    assert len(heads) == 1 and len(known) >= 2


def write_script(versions: Path, name: str, revision: str, down: str) -> None:
    (versions / f"{name}.py").write_text(
        f'"""{name}"""\nfrom alembic import op\n\nrevision: str = "{revision}"\ndown_revision = {down}\n'
        "branch_labels = None\ndepends_on = None\n\n\ndef upgrade() -> None:\n    pass\n\n\n"
        "def downgrade() -> None:\n    pass\n",
        encoding="utf-8",
    )


def test_branches_and_merge(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    (tmp_path / "script.py.mako").write_text("", encoding="utf-8")
    write_script(versions, "a", "a1", "None")
    write_script(versions, "b", "b1", '"a1"')
    write_script(versions, "c", "c1", '"a1"')
    assert migration_heads(tmp_path) == ({"b1", "c1"}, {"a1", "b1", "c1"}) == alembic_heads(tmp_path)
    write_script(versions, "d", "d1", '("b1", "c1")')
    assert migration_heads(tmp_path) == ({"d1"}, {"a1", "b1", "c1", "d1"}) == alembic_heads(tmp_path)
