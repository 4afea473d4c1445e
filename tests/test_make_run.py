"""Issue 2: `make run` reaches ready within 60 s and Ctrl-C leaves no process behind (checked by PID)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vipkit.broker import free_port, port_open

ROOT = Path(__file__).resolve().parent.parent


def _free_base_port() -> int:
    for base in range(18100, 19000, 20):
        if not any(port_open("127.0.0.1", base + i) for i in range(10)):
            return base
    raise RuntimeError("no free port range")


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.slow
def test_make_run_reaches_ready_within_60s_and_ctrl_c_leaves_no_process(tmp_path: Path) -> None:
    base = _free_base_port()
    pidfile = tmp_path / "pids"
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIP_")}
    env["VIP_ENV"] = "dev"
    proc = subprocess.Popen(
        [
            sys.executable,
            "scripts/run.py",
            "--base-port",
            str(base),
            "--kafka-port",
            str(free_port()),
            "--var-dir",
            str(tmp_path / "var"),
            "--pidfile",
            str(pidfile),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    output: list[str] = []
    try:
        deadline = time.monotonic() + 150
        assert proc.stdout is not None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            output.append(line)
            if "Press Ctrl-C" in line:
                break
        text = "".join(output)
        ready = re.search(r"All services ready in ([\d.]+) s", text)
        assert ready, f"never became ready:\n{text}"
        assert float(ready.group(1)) <= 60.0
        assert f"http://127.0.0.1:{base}/docs" in text
        pids = [int(p) for p in pidfile.read_text().split()]
        assert len(pids) >= 8 and all(_alive(p) for p in pids)
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends to the foreground process group
        proc.wait(60)
    assert proc.returncode == 0, "".join(output) + (proc.stdout.read() if proc.stdout else "")
    leftovers = [p for p in pids if _alive(p)]
    assert leftovers == [], f"processes left running: {leftovers}"
    assert not any(port_open("127.0.0.1", base + i) for i in (0, 1, 2, 3, 4, 5, 9))
