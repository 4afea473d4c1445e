"""Issue 8: the README walkthrough, pasted as written, works against `make run` (scripts/run.py)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.make_run import start_make_run

ROOT = Path(__file__).resolve().parent.parent


def readme_block(name: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(rf"<!-- {name}:start -->\s*```sh\n(.*?)```\s*<!-- {name}:end -->", text, re.S)
    assert block, f"README.md has no {name} block"
    return block.group(1)


def walkthrough_script() -> str:
    return readme_block("walkthrough")


@pytest.mark.slow
def test_readme_walkthrough_runs_unchanged_against_make_run(tmp_path: Path) -> None:
    run = start_make_run(tmp_path)
    try:
        assert "Press Ctrl-C" in run.banner, run.banner
        shell = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", walkthrough_script()],
            cwd=ROOT,
            env={**run.env, "GW": run.gateway_url},
            capture_output=True,
            text=True,
            timeout=240,
        )
        out = shell.stdout
        assert shell.returncode == 0, f"walkthrough failed:\n{out}\n{shell.stderr}"
        assert '"tier":"star_4"' in out.replace(" ", "")
        assert re.search(r"booking \S+ is (confirmed|completed)", out), out
        assert "('completed'," in out, out
        assert out.strip().splitlines()[-1] == "completed", out
        assert "13800138000" not in out and "138****8000" in out
    finally:
        run.interrupt()


@pytest.mark.slow
def test_readme_time_travel_example_runs_unchanged_after_make_run_with_the_demo_loaded(tmp_path: Path) -> None:
    """SPEC 7.3: the demo data never blocks time travel; the README's X-Test-Now scenario runs its dates."""
    run = start_make_run(tmp_path, env_extra={"VIP_TEST_CLOCK": "1"})
    try:
        assert "Press Ctrl-C" in run.banner, run.banner
        shell = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", readme_block("timetravel")],
            cwd=ROOT,
            env={**run.env, "GW": run.gateway_url},
            capture_output=True,
            text=True,
            timeout=120,
        )
        out = shell.stdout
        assert shell.returncode == 0, f"time travel example failed:\n{out}\n{shell.stderr}"
        lines = out.strip().splitlines()
        assert [line for line in lines if line.startswith("PUT ")] == [
            line.replace("$C", lines[0].split()[1].rsplit("-", 1)[0])
            for line in ("PUT $C-1 in_force: 201", "PUT $C-2 in_force: 201", "PUT $C-2 lapsed: 200")
        ], out
        assert lines[3:] == [
            "('star_4', 'confirmed', None)",
            "('run', '2026-09-30', 'changed', 1)",
            "('star_4', 'grace', {'to': 'star_3', 'at': '2026-12-31'})",
            "('run', '2026-12-31', 'changed', 1)",
            "('star_3', 'confirmed', None)",
            "[('tier_changed', 'none', 'star_3'), ('tier_changed', 'star_3', 'star_4'), "
            "('pre_downgrade', 'star_4', 'star_3'), ('tier_changed', 'star_4', 'star_3')]",
        ], out
    finally:
        run.interrupt()
