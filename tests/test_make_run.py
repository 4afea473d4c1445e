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


@pytest.mark.slow
def test_supervisor_sigkill_leaves_no_process_and_busy_ports_are_refused(tmp_path: Path) -> None:
    """Issue 13 item 9: children die with the supervisor; a second `make run` on busy ports says so
    (instead of reporting the old processes as its own)."""
    import os
    import signal
    import time

    pidfile = tmp_path / "pids"
    first = start_make_run(tmp_path / "a", "--pidfile", str(pidfile), "--no-demo")
    kafka_port = int(re.search(r"broker\s+127\.0\.0\.1:(\d+)", first.banner).group(1))  # type: ignore[union-attr]
    pids = [int(p) for p in pidfile.read_text().split()]
    try:
        assert "All services ready" in first.banner, first.banner
        # "ready" means the consumers already have their partitions (no event waits for a group join)
        import httpx

        for offset in (1, 2, 3, 4, 5):
            body = httpx.get(f"http://127.0.0.1:{first.base_port + offset}/readyz", timeout=5).json()
            assert body["pid"] in pids and all(v == "assigned" for v in body.get("consumers", {}).values()), body
        second = start_make_run(tmp_path / "b", "--no-demo", base_port=first.base_port, kafka_port=kafka_port)
        rest = second.process.stdout.read() if second.process.stdout else ""
        assert second.process.wait(30) != 0
        output = second.banner + rest
        assert "already in use" in output and str(first.base_port) in output, output
        assert "All services ready" not in output
        assert all(_alive(p) for p in pids), "the second run touched the first one's processes"
    finally:
        os.kill(first.process.pid, signal.SIGKILL)  # the supervisor only, not its process group
        first.process.wait(10)
    deadline = time.monotonic() + 60
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [p for p in pids if _alive(p)] == [], "processes outlived the SIGKILLed supervisor"
    assert not any(port_open("127.0.0.1", first.base_port + i) for i in (0, 1, 2, 3, 4, 5, 9))
