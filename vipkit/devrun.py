"""Run the whole platform as separate processes: broker, five services, gateway, clinic simulator.

Used by ``make run`` (``scripts/run.py``) and by the end-to-end and production-like tests. Every
process runs in its own session (process group) so that stopping the cluster stops everything it
started, children included; ``pids`` lists them so a test can check that nothing is left behind.

Supervision: every child asks the kernel to be signalled when the supervisor dies
(``vipkit.supervise.die_with_parent``), so a SIGKILLed ``make run`` leaves nothing behind; the
ports are checked free before anything starts (a clear message instead of children dying on busy
ports); readiness is checked against the supervisor's own children (the PID in ``/readyz``), never
against whatever else answers on a port. ``replicas=2`` runs every service twice (second replica
at ``base_port + 10 + offset``); the gateway and the internal clients get both URLs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from contracts import services as registry
from vipkit.broker import LocalBroker, free_port
from vipkit.db import run_migrations
from vipkit.supervise import busy_ports, pdeathsig_preexec, started_by

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ServiceDef:
    name: str
    target: str  # uvicorn factory "module:function"
    offset: int  # port = base_port + offset
    migrations: Path | None = None


SERVICES: tuple[ServiceDef, ...] = tuple(
    ServiceDef(s.name, s.app, s.port - registry.BASE_PORT, ROOT / s.migrations) for s in registry.SERVICES
)
SIMULATOR = ServiceDef("simulator", "simulator.main:create_app", 9)
# PostgreSQL connections the services of one local cluster may hold together: a local server's
# max_connections is often 100 and is shared with test runs and benchmarks (docs/production.md)
CLUSTER_DB_CONNECTIONS = 50


@dataclass
class Cluster:
    """The platform as processes on 127.0.0.1 (ports ``base_port`` .. ``base_port + 9``)."""

    var_dir: Path = ROOT / "var"
    base_port: int = 8000
    kafka_bootstrap: str | None = None  # None: start a local tansu broker
    kafka_port: int = 9092
    database_urls: dict[str, str] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    # more settings for one service's processes (its replicas too), e.g. a benchmark's relay poll
    service_env: dict[str, dict[str, str]] = field(default_factory=dict)
    with_simulator: bool = True
    gateway_workers: int = 1
    replicas: int = 1
    # replicas of some services only (a benchmark's consumer in production's two replicas)
    service_replicas: dict[str, int] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    argv: dict[str, list[str]] = field(default_factory=dict)
    broker: LocalBroker | None = None

    def port(self, name: str) -> int:
        """Port of a process: ``gateway``, ``simulator``, a service, or ``<service>-2`` (replica 2)."""
        if name == "gateway":
            return self.base_port
        base, _, replica = name.partition("-")
        offset = next(s.offset for s in (*SERVICES, SIMULATOR) if s.name == base)
        return self.base_port + offset + (10 * (int(replica) - 1) if replica else 0)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port(name)}"

    def replica_names(self, service: str) -> list[str]:
        count = self.service_replicas.get(service, self.replicas)
        return [service] + [f"{service}-{i}" for i in range(2, count + 1)]

    def replica_urls(self, service: str) -> str:
        """Every replica's URL, comma-separated (the gateway and internal clients spread over them)."""
        return ",".join(self.url(n) for n in self.replica_names(service))

    @property
    def process_names(self) -> list[str]:
        names = [n for s in SERVICES for n in self.replica_names(s.name)]
        return names + (["simulator"] if self.with_simulator else []) + ["gateway"]

    @property
    def gateway_url(self) -> str:
        return self.url("gateway")

    def database_url(self, name: str) -> str:
        return self.database_urls.get(name) or f"sqlite:///{self.var_dir / (name + '.db')}"

    @property
    def pids(self) -> list[int]:
        pids = [p.pid for p in self.processes.values()]
        if self.broker is not None and self.broker.process is not None:
            pids.append(self.broker.process.pid)
        return pids

    def process_env(self) -> dict[str, str]:
        env = dict(os.environ)  # VIP_* settings the user exported pass through; wiring below wins
        env.setdefault("VIP_ENV", "dev")
        env["VIP_KAFKA_BOOTSTRAP"] = self.kafka_bootstrap or "127.0.0.1:9092"
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        env["PYTHONUNBUFFERED"] = "1"
        for svc in SERVICES:
            upper = svc.name.upper()
            env[f"VIP_{upper}_DATABASE_URL"] = self.database_url(svc.name)
            env[f"VIP_{upper}_PORT"] = str(self.base_port + svc.offset)
            env[f"VIP_GATEWAY_{upper}_URL"] = self.replica_urls(svc.name)
        env["VIP_ENTITLEMENTS_TIERING_URL"] = self.replica_urls("tiering")
        env["VIP_BOOKING_ENTITLEMENTS_URL"] = self.replica_urls("entitlements")
        env["VIP_ENTITLEMENTS_BOOKING_URL"] = self.url("booking")
        env["VIP_REVISIT_PUBLIC_BASE_URL"] = self.gateway_url
        # one booking replica: directly; several: through the gateway (the partners' public route)
        env["VIP_SIMULATOR_BOOKING_URL"] = (
            self.url("booking") if len(self.replica_names("booking")) == 1 else self.gateway_url
        )
        env["VIP_SIMULATOR_PORT"] = str(self.base_port + SIMULATOR.offset)
        env["VIP_GATEWAY_PORT"] = str(self.base_port)
        per_process = max(4, CLUSTER_DB_CONNECTIONS // sum(len(self.replica_names(s.name)) for s in SERVICES))
        env.setdefault("MALLOC_ARENA_MAX", "2")  # as in the image (docs/production.md, memory)
        env.setdefault("VIP_DB_POOL_SIZE", str(per_process // 2))
        env.setdefault("VIP_DB_MAX_OVERFLOW", str(per_process - per_process // 2))
        env.update(self.env)
        return env

    def env_of(self, name: str, env: dict[str, str]) -> dict[str, str]:
        """``env`` plus the ``service_env`` of the process's service (``booking-2`` → ``booking``)."""
        return env | self.service_env.get(name.partition("-")[0], {})

    def _spawn(self, name: str, argv: list[str], env: dict[str, str]) -> None:
        logs = self.var_dir / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        out = open(logs / f"{name}.log", "ab")  # noqa: SIM115 - owned by the child
        self.processes[name] = subprocess.Popen(
            argv,
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=pdeathsig_preexec(signal.SIGTERM),
        )
        self.argv[name] = argv
        out.close()

    def check_ports(self) -> None:
        """Refuse to start when something already listens on one of the ports (e.g. an old ``make run``)."""
        ports = [self.port(n) for n in self.process_names]
        if self.kafka_bootstrap is None and self.kafka_port:
            ports.append(self.kafka_port)
        busy = busy_ports(ports)
        if busy:
            raise RuntimeError(
                f"port(s) {', '.join(map(str, busy))} already in use on 127.0.0.1: is another `make run` (or "
                "another program) still running? Stop it, or choose other ports (VIP_BASE_PORT, "
                "VIP_LOCAL_KAFKA_PORT)."
            )

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Send ``sig`` to one process (and its group) and wait for it to end (fault tests)."""
        proc = self.processes[name]
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            pass
        proc.wait(30)

    def restart(self, name: str) -> None:
        """Start a stopped process again with the same command and environment."""
        assert self.processes[name].poll() is not None, f"{name} is still running"
        self._spawn(name, self.argv[name], self.env_of(name, self.process_env()))

    def start(self) -> Cluster:
        self.var_dir.mkdir(parents=True, exist_ok=True)
        self.check_ports()
        try:
            if self.kafka_bootstrap is None:
                self.broker = LocalBroker(self.kafka_port or free_port(), log_path=self.var_dir / "tansu.log").start()
                self.kafka_bootstrap = self.broker.bootstrap
            env = self.process_env()
            for svc in SERVICES:
                assert svc.migrations is not None
                run_migrations(svc.migrations, self.database_url(svc.name))
            uvicorn = [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                "--ws",  # no service serves WebSockets: uvicorn then skips importing `websockets`
                "none",
                "--host",
                "127.0.0.1",
                "--log-level",
                "warning",
                "--no-access-log",
            ]
            for svc in SERVICES:
                for name in self.replica_names(svc.name):
                    argv = [*uvicorn, svc.target, "--port", str(self.port(name))]
                    self._spawn(name, argv, self.env_of(name, env))
            if self.with_simulator:
                self._spawn(
                    SIMULATOR.name, [*uvicorn, SIMULATOR.target, "--port", str(self.base_port + SIMULATOR.offset)], env
                )
            self._spawn(
                "gateway",
                [
                    sys.executable,
                    "-m",
                    "gateway",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.base_port),
                    "--workers",
                    str(self.gateway_workers),
                ],
                env,
            )
        except BaseException:
            self.stop()
            raise
        return self

    def is_ready(self, client: httpx.Client, name: str, *, consumers: bool = False) -> bool:
        """``name`` answers ready, from a PID this supervisor started (and, with ``consumers``, every
        consumer of it has its partitions)."""
        path = "/healthz" if name == "simulator" else "/readyz"
        try:
            response = client.get(self.url(name) + path)
        except httpx.HTTPError:
            return False
        if response.status_code != 200:
            return False
        body = response.json()
        pid = body.get("pid")
        if not isinstance(pid, int) or not started_by(pid, self.processes[name].pid):
            return False
        return not consumers or all(v == "assigned" for v in body.get("consumers", {}).values())

    def wait_ready(self, timeout: float = 60.0, *, consumers: bool = True) -> float:
        """Wait until every process this cluster started answers ready (services: with their
        consumers' partitions assigned, so that no event waits for a group join); returns seconds."""
        started = time.monotonic()
        pending = set(self.process_names)
        with httpx.Client(timeout=2) as client:
            while pending:
                for name in sorted(pending):
                    proc = self.processes[name]
                    if proc.poll() is not None:
                        raise RuntimeError(f"{name} exited with {proc.returncode}; see {self.var_dir}/logs/{name}.log")
                    if self.is_ready(client, name, consumers=consumers):
                        pending.discard(name)
                if pending and time.monotonic() - started > timeout:
                    raise TimeoutError(f"not ready after {timeout}s: {sorted(pending)} (logs in {self.var_dir}/logs)")
                if pending:
                    time.sleep(0.2)
        return time.monotonic() - started

    def stop(self, timeout: float = 15.0) -> None:
        for proc in self.processes.values():
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + timeout
        for proc in self.processes.values():
            try:
                proc.wait(max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait(5)
        # children of a process group that outlived their parent
        for proc in self.processes.values():
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        if self.broker is not None:
            self.broker.stop()

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
