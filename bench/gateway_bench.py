"""Gateway overhead benchmark (issue 7): the same small read directly, through the gateway, through nginx.

Bounded load on loopback only: every run stops after ``--duration`` seconds (and, with the Python
load generator, after ``--max-requests``); every process it starts is stopped at the end.

- upstream: a real vipkit service stack (``vipkit.app.create_service_app``: request ids, test clock,
  metrics and access-log middleware) with one small JSON read at ``GET /api/v1/catalog``, served by
  uvicorn (uvloop + httptools, 1 worker), like the services in ``make run``.
- gateway: ``python -m gateway --workers N`` in front of it (JWT verified and rate limiter consulted
  on every request; limits raised so nothing is refused).
- nginx: Debian's ``nginx`` as the reference reverse proxy (keep-alive upstream pool), only when it is
  installed; this script never installs it.
- load: ``wrk`` when installed, else a Python generator (aiohttp, one process, keep-alive
  connections) in a separate process. Both report throughput and p50/p99.

Usage: ``python bench/gateway_bench.py [--duration 8] [--connections 32] [--workers 1,2] [--load wrk|python]``
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-secret-0123456789abcdef0123456789"
PATH = "/api/v1/catalog"
SMALL_READ: dict[str, object] = {
    "program": "stars",
    "services": [
        {"service_code": "dental_cleaning", "name": "洁牙服务", "bookable": True},
        {"service_code": "health_checkup", "name": "体检服务", "bookable": True},
    ],
}


# -- processes under test ----------------------------------------------------------------------


def upstream_main(port: int, db_dir: str) -> None:
    """The upstream service (run in its own process)."""
    import uvicorn
    from fastapi import APIRouter, Depends

    from vipkit.app import ServiceSpec, create_service_app
    from vipkit.auth import current_identity
    from vipkit.settings import CommonSettings

    router = APIRouter(prefix="/api/v1")

    @router.get("/catalog", dependencies=[Depends(current_identity)])
    async def catalog() -> dict[str, object]:
        return SMALL_READ

    common = CommonSettings(env="dev", jwt_secret=SECRET, kafka_enabled=False, scheduler="off", log_level="WARNING")
    spec = ServiceSpec(
        name="bench-upstream",
        title="bench upstream",
        description="small read",
        database_url=f"sqlite:///{db_dir}/bench.db",
        settings=common,
        routers=[router],
    )
    app = create_service_app(spec)
    uvicorn.run(
        app, host="127.0.0.1", port=port, loop="uvloop", http="httptools", log_level="warning", access_log=False
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"process exited early with {proc.returncode}: {proc.args!r}")
        with socket.socket() as s:
            s.settimeout(0.2)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"port {port} did not open")


def wait_ready(url: str, headers: dict[str, str], timeout: float = 30.0) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=2) as resp:
                if resp.status == 200:
                    return
        except Exception as exc:
            last = exc
        time.sleep(0.1)
    raise TimeoutError(f"{url} not ready: {last!r}")


def stop(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(5)


def spawn(args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        args,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: stop() ends it and its workers
    )


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.path.exists(p)), None)


NGINX_CONF = """
worker_processes {workers};
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log {tmp}/nginx-access.log;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  upstream service {{ server 127.0.0.1:{upstream}; keepalive 64; }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
    }}
  }}
}}
"""


# -- load generators ---------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


_WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _wrk_ms(value: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", value.strip())
    if not m:
        raise ValueError(value)
    return float(m.group(1)) * _WRK_UNITS[m.group(2)]


def run_wrk(name: str, url: str, token: str, connections: int, duration: float) -> Result:
    wrk = shutil.which("wrk")
    assert wrk
    out = subprocess.run(
        [
            wrk,
            "-t2",
            f"-c{connections}",
            f"-d{int(duration)}s",
            "--latency",
            "-H",
            f"Authorization: Bearer {token}",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=duration + 30,
        check=True,
    ).stdout
    requests = int(re.search(r"(\d+) requests in ([\d.]+)(\w+)", out).group(1))  # type: ignore[union-attr]
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _wrk_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _wrk_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    errors_m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = int(errors_m.group(1)) if errors_m else 0
    if socket_errors:
        errors += sum(int(g) for g in socket_errors.groups())
    return Result(name, requests, errors, requests / rps if rps else duration, p50, p99)


async def _python_load(url: str, token: str, connections: int, duration: float, max_requests: int) -> dict[str, object]:
    import aiohttp

    latencies: list[float] = []
    errors = 0
    headers = {"Authorization": f"Bearer {token}"}
    deadline = time.perf_counter() + duration
    sent = 0
    connector = aiohttp.TCPConnector(limit=connections, force_close=False)
    async with aiohttp.ClientSession(connector=connector, headers=headers) as session:

        async def worker() -> None:
            nonlocal errors, sent
            while time.perf_counter() < deadline and sent < max_requests:
                sent += 1
                t0 = time.perf_counter()
                try:
                    async with session.get(url) as resp:
                        await resp.read()
                        if resp.status != 200:
                            errors += 1
                except aiohttp.ClientError:
                    errors += 1
                latencies.append(time.perf_counter() - t0)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(connections)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    n = len(latencies)
    return {
        "requests": n,
        "errors": errors,
        "seconds": elapsed,
        "p50_ms": latencies[n // 2] * 1000 if n else 0.0,
        "p99_ms": latencies[min(n - 1, int(n * 0.99))] * 1000 if n else 0.0,
    }


def load_main(url: str, token: str, connections: int, duration: float, max_requests: int) -> None:
    """The Python load generator (run in its own process); prints one JSON line."""
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    print(json.dumps(asyncio.run(_python_load(url, token, connections, duration, max_requests))))


def run_python_load(name: str, url: str, token: str, connections: int, duration: float, max_requests: int) -> Result:
    out = subprocess.run(
        [sys.executable, __file__, "_load", url, token, str(connections), str(duration), str(max_requests)],
        capture_output=True,
        text=True,
        timeout=duration + 60,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return Result(name, data["requests"], data["errors"], data["seconds"], data["p50_ms"], data["p99_ms"])


# -- the benchmark -----------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=4.0, help="seconds per measured run (bounded)")
    parser.add_argument("--rounds", type=int, default=3, help="measured runs per target, round robin; best is kept")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of warm-up per target")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", default="1,2", help="gateway worker counts to measure, e.g. 1,2")
    parser.add_argument("--load", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--max-requests", type=int, default=500_000, help="cap per run (Python generator)")
    parser.add_argument("--no-nginx", action="store_true")
    parser.add_argument("--smoke", action="store_true", help="one short round, one worker: check that it runs")
    args, _ = parser.parse_known_args()  # make bench passes its own arguments to every script
    if args.smoke:
        args.duration, args.rounds, args.warmup, args.workers, args.no_nginx = 1.0, 1, 0.0, "1", True
    args.duration = min(args.duration, 30.0)
    args.rounds = max(1, min(args.rounds, 5))

    use_wrk = args.load == "wrk" or (args.load == "auto" and shutil.which("wrk") is not None)
    if args.load == "wrk" and not shutil.which("wrk"):
        print("wrk is not installed", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from bench.common import figure
    from vipkit.auth import mint_token

    token = mint_token("C1001", "customer", secret=SECRET, ttl_seconds=3600)
    auth = {"Authorization": f"Bearer {token}"}
    workers = [int(w) for w in args.workers.split(",") if w.strip()]

    def measure(name: str, url: str, seconds: float) -> Result:
        if use_wrk:
            return run_wrk(name, url, token, args.connections, max(1.0, seconds))
        return run_python_load(name, url, token, args.connections, seconds, args.max_requests)

    targets: list[tuple[str, str]] = []
    procs: list[subprocess.Popen[bytes]] = []
    tmp = tempfile.mkdtemp(prefix="vip-gw-bench-")
    best: dict[str, Result] = {}
    try:
        up_port = free_port()
        upstream = spawn([sys.executable, __file__, "_upstream", str(up_port), tmp])
        procs.append(upstream)
        wait_port(up_port, upstream)
        wait_ready(f"http://127.0.0.1:{up_port}{PATH}", auth)
        targets.append(("direct", f"http://127.0.0.1:{up_port}{PATH}"))
        for n in workers:
            gw_port = free_port()
            env = {
                "VIP_ENV": "dev",
                "VIP_JWT_SECRET": SECRET,
                "VIP_LOG_LEVEL": "INFO",
                "VIP_GATEWAY_ENTITLEMENTS_URL": f"http://127.0.0.1:{up_port}",
                "VIP_GATEWAY_TOKEN_RATE": "1000000000",
                "VIP_GATEWAY_TOKEN_BURST": "1000000000",
            }
            gateway = spawn([sys.executable, "-m", "gateway", "--port", str(gw_port), "--workers", str(n)], env)
            procs.append(gateway)
            wait_port(gw_port, gateway)
            wait_ready(f"http://127.0.0.1:{gw_port}{PATH}", auth)
            targets.append((f"gateway ({n} worker{'s' if n > 1 else ''})", f"http://127.0.0.1:{gw_port}{PATH}"))
        nginx = None if args.no_nginx else nginx_binary()
        if nginx:
            n = workers[-1]
            ng_port = free_port()
            conf = Path(tmp) / "nginx.conf"
            conf.write_text(NGINX_CONF.format(workers=n, tmp=tmp, upstream=up_port, port=ng_port))
            proc = spawn([nginx, "-c", str(conf), "-p", tmp, "-e", f"{tmp}/nginx-error.log"])
            procs.append(proc)
            wait_port(ng_port, proc)
            wait_ready(f"http://127.0.0.1:{ng_port}{PATH}", auth)
            targets.append((f"nginx ({n} worker{'s' if n > 1 else ''})", f"http://127.0.0.1:{ng_port}{PATH}"))
        else:
            print("nginx: not installed (Debian package `nginx`); reference run skipped")
        print(
            f"load generator: {'wrk -t2' if use_wrk else 'python (aiohttp, separate process)'}; "
            f"{args.connections} connections; {args.rounds} round(s) of {args.duration:.0f} s per target, "
            f"round robin, best kept; cpus: {os.cpu_count()}"
        )
        if args.warmup > 0:
            for name, url in targets:
                measure(name, url, args.warmup)
        for _ in range(args.rounds):
            for name, url in targets:
                result = measure(name, url, args.duration)
                if result.errors or name not in best or result.rps > best[name].rps:
                    best[name] = result
    finally:
        for proc in reversed(procs):
            stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)

    results = [best[name] for name, _ in targets]
    print()
    print(f"{'target':<24}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'requests':>11}{'errors':>8}")
    for r in results:
        print(f"{r.name:<24}{r.rps:>10.0f}{r.p50_ms:>10.2f}{r.p99_ms:>10.2f}{r.requests:>11}{r.errors:>8}")
    direct = results[0]
    nginx_result = next((r for r in results if r.name.startswith("nginx")), None)
    print()
    for r in results:
        if r.name == "direct":
            continue
        added = r.p50_ms - direct.p50_ms
        line = f"{r.name}: {r.rps / direct.rps:.0%} of direct throughput, {added:+.2f} ms p50"
        if nginx_result and r is not nginx_result:
            ratio = r.rps / nginx_result.rps
            aim = "OK" if ratio >= 0.7 else "not yet"
            line += f", {ratio:.0%} of nginx [target >= 50%: {'OK' if ratio >= 0.5 else 'MISSED'}, aim 70%: {aim}]"
        if r is not nginx_result:
            line += f" [p50 overhead <= 2 ms: {'OK' if added <= 2.0 else 'MISSED'}]"
        print(line)
    for r in results:
        floor, floor_name, goal, met = direct.rps, "direct", "", None
        if nginx_result and r.name.startswith("gateway"):
            floor, floor_name, goal, met = (
                nginx_result.rps,
                nginx_result.name,
                ">= 0.5x",
                r.rps >= 0.5 * nginx_result.rps,
            )
        figure("gateway", f"GET {r.name}", r.rps, "req/s", floor=floor, floor_name=floor_name, goal=goal, met=met)
        figure("gateway", f"GET {r.name} p99", r.p99_ms, "ms")
    bad = [r.name for r in results if r.errors]
    if bad:
        print(f"errors in: {', '.join(bad)}")
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_upstream":
        sys.path.insert(0, str(ROOT))
        upstream_main(int(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) > 1 and sys.argv[1] == "_load":
        load_main(sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]))
    else:
        raise SystemExit(main())
