"""Issue 8: the README walkthrough, pasted as written, works against `make run` (scripts/run.py)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.make_run import start_make_run

ROOT = Path(__file__).resolve().parent.parent


def walkthrough_script() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- walkthrough:start -->\s*```sh\n(.*?)```\s*<!-- walkthrough:end -->", text, re.S)
    assert block, "README.md has no walkthrough block"
    return block.group(1)


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
