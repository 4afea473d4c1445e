"""What every benchmark shares: the figure lines ``make bench`` collects, a scratch PostgreSQL
database, percentiles, process memory, the machine's load.

A benchmark prints its figures for people, and for each one also a machine-readable line::

    BENCH {"bench": "tiering", "name": "import", "value": 21000.0, "unit": "policies/s",
           "floor": 95000.0, "floor_name": "raw COPY", "ratio": 4.5, "goal": "<= 5x", "met": true}

``bench/run_all.py`` gathers these lines from every script into one summary table.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MARK = "BENCH "


def figure(
    bench: str,
    name: str,
    value: float,
    unit: str,
    *,
    floor: float | None = None,
    floor_name: str = "",
    ratio: float | None = None,
    goal: str = "",
    met: bool | None = None,
) -> None:
    """Print one figure as a ``BENCH`` line (the human-readable lines are the script's own)."""
    if ratio is None and floor:
        ratio = value / floor
    if ratio is not None and math.isnan(ratio):
        ratio = None
    line = {
        "bench": bench,
        "name": name,
        "value": None if math.isnan(value) else round(value, 3),  # nothing measured: null, not NaN
        "unit": unit,
        "floor": None if floor is None else round(floor, 3),
        "floor_name": floor_name,
        "ratio": None if ratio is None else round(ratio, 3),
        "goal": goal,
        "met": met,
    }
    print(MARK + json.dumps(line, ensure_ascii=False), flush=True)


def parse_figures(output: str) -> list[dict[str, Any]]:
    return [json.loads(line[len(MARK) :]) for line in output.splitlines() if line.startswith(MARK)]


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of an ascending list."""
    rank = max(1, -(-len(sorted_values) * p // 100))  # ceil
    return sorted_values[int(rank) - 1]


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} on {os.cpu_count()} CPUs"


def rss_mb(pid: int) -> float:
    """Resident set size of a process (``VmRSS``), in MB; 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU a process has used so far (``/proc/<pid>/stat``), in seconds; 0 when gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def tree_cpu_seconds(pid: int) -> float:
    """CPU of a process and its live descendants (the gateway's workers), in seconds."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return cpu_seconds(pid) + sum(tree_cpu_seconds(int(c)) for c in children)


def postgres_cpu_seconds() -> float:
    """CPU of the whole PostgreSQL server: the postmaster, its live backends and (``cutime`` /
    ``cstime``) the backends that have exited. Shared with anything else using the server."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
        except OSError:
            continue
        head, _, rest = stat.rpartition(")")
        fields = rest.split()
        if head.endswith("(postgres") and fields[1] == "1":  # the postmaster: parent is init
            dead = (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")  # cutime, cstime
            return tree_cpu_seconds(int(proc.name)) + dead
    return 0.0


def tree_rss_mb(pid: int) -> float:
    """RSS of a process and its descendants (a uvicorn parent with workers counts as one service)."""
    total = rss_mb(pid)
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return total + sum(tree_rss_mb(int(c)) for c in children)


def free_base_port() -> int:
    """A free range of ten ports for a ``Cluster`` (base .. base + 9), picked at random in 21000-29000
    so that benchmarks and test runs of other engineers started at the same moment rarely collide;
    every port is checked by binding it."""
    import random
    import socket

    for _ in range(200):
        base = random.randrange(21000, 29000, 10)
        sockets = []
        try:
            for port in range(base, base + 10):
                s = socket.socket()
                sockets.append(s)
                s.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
        finally:
            for s in sockets:
                s.close()
    raise RuntimeError("no free range of ten ports")


def admin_url() -> str:
    return os.environ.get("VIP_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


@contextlib.contextmanager
def scratch_database(prefix: str, *, keep: bool = False, url: str | None = None) -> Iterator[str]:
    """A new, empty PostgreSQL database for one run (dropped at the end unless ``keep``)."""
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url or admin_url())
    conninfo: dict[str, Any] = {
        "host": u.host or "127.0.0.1",
        "port": u.port or 5432,
        "user": u.username or "postgres",
        "password": u.password,
        "dbname": u.database or "postgres",
        "autocommit": True,
    }
    name = f"vip_bench_{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(**conninfo) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield u.set(database=name).render_as_string(hide_password=False)
    finally:
        if keep:
            print(f"kept database {name}", flush=True)
        else:
            with psycopg.connect(**conninfo) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def print_log_tails(var: Path) -> None:
    """The last 2,000 characters of every process's log under ``var/logs`` (after a crash)."""
    for log in sorted((var / "logs").glob("*.log")):
        print(f"===== {log.name}\n{log.read_text(errors='replace')[-2000:]}", flush=True)


def run_cluster(
    prefix: str,
    drive: Callable[[Any, Any], bool],
    *,
    env: dict[str, str] | None = None,
    service_env: dict[str, dict[str, str]] | None = None,
    with_simulator: bool = True,
    keep: bool = False,
    replicas: dict[str, int] | None = None,
) -> int:
    """Run one benchmark against the whole platform and return its exit code.

    Starts ``vipkit.devrun.Cluster`` (its own tansu broker, the services, the gateway; ports picked
    at random) on fresh PostgreSQL databases, program ``stars``, scheduler off, plus ``env`` (and
    ``service_env``: per service; ``replicas``: processes per service, 1 by default); calls
    ``drive(cluster, factory)`` (the ``DatabaseFactory``, for scratch databases), which returns True
    when it measured; prints the processes' log tails on a crash; stops everything. The logs (in a
    temporary ``vip-<prefix>-bench-`` folder) are kept when it did not measure or with ``keep``.
    Exit code 2: no PostgreSQL; 1: not measured.
    """
    import shutil
    import tempfile

    from vipkit.broker import free_port
    from vipkit.devrun import SERVICES, Cluster
    from vipkit.testing import TEST_JWT_SECRET, DatabaseFactory, postgres_admin_url

    if not postgres_admin_url():
        print("needs PostgreSQL on 127.0.0.1:5432 (or VIP_TEST_POSTGRES_URL)", file=sys.stderr)
        return 2
    print(load_average(), flush=True)
    factory = DatabaseFactory()
    var = Path(tempfile.mkdtemp(prefix=f"vip-{prefix}-bench-"))
    cluster = Cluster(
        var_dir=var,
        base_port=free_base_port(),
        kafka_port=free_port(),
        database_urls={s.name: factory.create("postgresql", s.migrations) for s in SERVICES if s.migrations},
        with_simulator=with_simulator,
        env={"VIP_PROGRAM": "stars", "VIP_ENV": "test", "VIP_JWT_SECRET": TEST_JWT_SECRET, "VIP_SCHEDULER": "off"}
        | (env or {}),
        service_env=service_env or {},
        service_replicas=replicas or {},
    )
    failed = True
    try:
        cluster.start()
        cluster.wait_ready(timeout=90)
        failed = not drive(cluster, factory)
    except BaseException:
        print_log_tails(var)
        raise
    finally:
        cluster.stop()
        factory.close()
        if failed or keep:
            print(f"logs kept in {var}", flush=True)
        else:
            shutil.rmtree(var, ignore_errors=True)
    print(load_average(), flush=True)
    return 1 if failed else 0
