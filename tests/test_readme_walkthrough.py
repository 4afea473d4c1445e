"""Issue 8: the README walkthrough, pasted as written, works against `make run` (scripts/run.py)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_make_run import _free_base_port
from vipkit.broker import free_port

ROOT = Path(__file__).resolve().parent.parent


def walkthrough_script() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- walkthrough:start -->\s*```sh\n(.*?)```\s*<!-- walkthrough:end -->", text, re.S)
    assert block, "README.md has no walkthrough block"
    return block.group(1)


@pytest.mark.slow
def test_readme_walkthrough_runs_unchanged_against_make_run(tmp_path: Path) -> None:
    base = _free_base_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIP_")}
    env["VIP_ENV"] = "dev"
    run = subprocess.Popen(
        [
            sys.executable,
            "scripts/run.py",
            "--base-port",
            str(base),
            "--kafka-port",
            str(free_port()),
            "--var-dir",
            str(tmp_path / "var"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    banner: list[str] = []
    try:
        deadline = time.monotonic() + 180
        assert run.stdout is not None
        while time.monotonic() < deadline:
            line = run.stdout.readline()
            if not line:
                break
            banner.append(line)
            if "Press Ctrl-C" in line:
                break
        assert any("Press Ctrl-C" in line for line in banner), "".join(banner)
        shell = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", walkthrough_script()],
            cwd=ROOT,
            env={**env, "GW": f"http://127.0.0.1:{base}"},
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
        os.killpg(run.pid, signal.SIGINT)
        run.wait(60)
