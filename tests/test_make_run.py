"""Issue 2: `make run` reaches ready within 60 s and Ctrl-C leaves no process behind (checked by PID)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.make_run import start_make_run
from vipkit.broker import port_open


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.slow
def test_make_run_reaches_ready_within_60s_and_ctrl_c_leaves_no_process(tmp_path: Path) -> None:
    pidfile = tmp_path / "pids"
    run = start_make_run(tmp_path, "--pidfile", str(pidfile))
    try:
        ready = re.search(r"All services ready in ([\d.]+) s", run.banner)
        assert ready, f"never became ready:\n{run.banner}"
        assert float(ready.group(1)) <= 60.0
        assert f"{run.gateway_url}/docs" in run.banner
        assert "revisit link" in run.banner and "/r/" in run.banner
        pids = [int(p) for p in pidfile.read_text().split()]
        assert len(pids) >= 8 and all(_alive(p) for p in pids)
    finally:
        code = run.interrupt()
    rest = run.process.stdout.read() if run.process.stdout else ""
    assert code == 0, run.banner + rest
    assert "Stopped." in rest
    leftovers = [p for p in pids if _alive(p)]
    assert leftovers == [], f"processes left running: {leftovers}"
    assert not any(port_open("127.0.0.1", run.base_port + i) for i in (0, 1, 2, 3, 4, 5, 9))
