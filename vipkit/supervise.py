"""Process supervision helpers: children that die with their parent, port checks, PID lineage.

``die_with_parent`` asks Linux to signal this process when the thread that started it exits
(``PR_SET_PDEATHSIG`` via ``prctl``): ``make run``'s supervisor can be SIGKILLed without leaving
services behind on their ports. Elsewhere it does nothing (Ctrl-C and SIGTERM still stop everything
through the supervisor). Only use it in children started from the main thread: the signal follows
the *thread* that forked.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

PR_SET_PDEATHSIG = 1


def port_open(host: str, port: int) -> bool:
    """Something listens on ``host:port`` (a 0.2 s connect attempt)."""
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex((host, port)) == 0


def die_with_parent(sig: int = signal.SIGTERM, expected_parent: int | None = None) -> None:
    """Have the kernel send ``sig`` to this process when its parent dies (Linux)."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) != 0:
        return
    if expected_parent is not None and os.getppid() != expected_parent:
        os.kill(os.getpid(), sig)  # the parent died before prctl took effect


def pdeathsig_preexec(sig: int = signal.SIGTERM) -> Callable[[], None] | None:
    """A ``preexec_fn`` for ``subprocess.Popen`` that applies ``die_with_parent`` in the child."""
    if not sys.platform.startswith("linux"):
        return None
    parent = os.getpid()
    return lambda: die_with_parent(sig, parent)


def busy_ports(ports: Iterable[int], host: str = "127.0.0.1") -> list[int]:
    """The ports something already listens on."""
    return [p for p in ports if port_open(host, p)]


def parent_pid(pid: int) -> int | None:
    """The parent of ``pid`` (from /proc), or None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def started_by(pid: int, ancestor: int) -> bool:
    """True when ``pid`` is ``ancestor`` or one of its children (gateway workers)."""
    return pid == ancestor or parent_pid(pid) == ancestor
