"""Start ``scripts/run.py`` (what ``make run`` runs) on free ports and read its banner."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from vipkit.broker import free_port, port_open

ROOT = Path(__file__).resolve().parent.parent


def free_base_port() -> int:
    for base in range(18100, 19000, 20):
        if not any(port_open("127.0.0.1", base + i) for i in range(10)):
            return base
    raise RuntimeError("no free port range")


@dataclass
class MakeRun:
    process: subprocess.Popen[str]
    base_port: int
    banner: str
    env: dict[str, str]

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.base_port}"

    def interrupt(self, timeout: float = 60) -> int:
        """What Ctrl-C does: SIGINT to the foreground process group; returns the exit code."""
        os.killpg(self.process.pid, signal.SIGINT)
        return self.process.wait(timeout)


def start_make_run(
    tmp_path: Path,
    *extra_args: str,
    timeout: float = 180,
    env_extra: dict[str, str] | None = None,
    base_port: int | None = None,
    kafka_port: int | None = None,
) -> MakeRun:
    """Start the platform like ``make run`` and return once it printed "Press Ctrl-C" (or exited).

    ``env_extra`` are exported as a user would (``VIP_TEST_CLOCK=1 make run``).
    """
    base = base_port or free_base_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIP_")}
    env["VIP_ENV"] = "dev"
    env.update(env_extra or {})
    process = subprocess.Popen(
        [
            sys.executable,
            "scripts/run.py",
            "--base-port",
            str(base),
            "--kafka-port",
            str(kafka_port or free_port()),
            "--var-dir",
            str(tmp_path / "var"),
            *extra_args,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "Press Ctrl-C" in line:
            break
    return MakeRun(process, base, "".join(lines), env)
