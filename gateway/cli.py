"""Command line: development tokens and the server.

- ``vip-token --sub C1001 --role customer`` (or ``python -m gateway.cli token --sub C1001 --role customer``)
  prints an HS256 JWT signed with ``VIP_JWT_SECRET``. Like the server, it refuses a placeholder
  secret unless ``VIP_ENV=dev``.
- ``python -m gateway --port 8000 --workers N`` (or ``python -m gateway.cli serve ...``) runs the
  gateway: one process per worker, all listening on the same port (``SO_REUSEPORT``).
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
from typing import Any

from gateway.settings import GatewaySettings
from vipkit.auth import ROLES, mint_token
from vipkit.settings import CommonSettings


def _token_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Mint a development JWT for the VIP platform.")
    parser.add_argument("--sub", required=True, help="customer number (e.g. C1001) or staff id")
    parser.add_argument("--role", default="customer", choices=ROLES)
    parser.add_argument("--ttl", type=int, default=24 * 3600, help="lifetime in seconds (default one day)")
    return parser


def token_main(argv: list[str], prog: str = "vip-token") -> int:
    args = _token_parser(prog).parse_args(argv)
    common = CommonSettings()
    try:
        common.check_secrets()
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if common.jwt_jwks_url:
        print("error: VIP_JWT_JWKS_URL is set (RS256); tokens come from the identity provider", file=sys.stderr)
        return 2
    secret = common.internal_key if args.role == "service" else common.jwt_secret
    print(mint_token(args.sub, args.role, secret=secret, ttl_seconds=args.ttl))
    return 0


def _run_worker(host: str, port: int, reuse_port: bool) -> None:
    from aiohttp import web

    from gateway.main import create_app

    if reuse_port:  # a worker of the gateway's own supervisor: stop when it goes
        from vipkit.supervise import die_with_parent

        die_with_parent(signal.SIGTERM, os.getppid())
    try:
        import uvloop

        uvloop.install()
    except ImportError:  # pragma: no cover - uvloop is a dependency (not on Windows)
        pass
    web.run_app(
        create_app(),
        host=host,
        port=port,
        reuse_port=reuse_port,
        access_log=None,
        print=None,
        backlog=2048,
        shutdown_timeout=10,
    )


def serve_main(argv: list[str] | None = None) -> int:
    settings = GatewaySettings()
    parser = argparse.ArgumentParser(prog="python -m gateway", description="Run the VIP API gateway.")
    parser.add_argument("--host", default=settings.host)
    parser.add_argument("--port", type=int, default=settings.port)
    parser.add_argument("--workers", type=int, default=settings.workers, help="worker processes (default 1)")
    args = parser.parse_args(argv)
    CommonSettings().check_secrets()  # fail fast, before starting workers
    if args.workers <= 1:
        _run_worker(args.host, args.port, False)
        return 0
    # One /metrics for all workers: prometheus_client's multiprocess mode (counters and histograms
    # summed over the workers; process and GC metrics are per process and left out in this mode).
    metrics_dir = None
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        metrics_dir = tempfile.mkdtemp(prefix="vip-gateway-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    ctx = multiprocessing.get_context("spawn")
    procs: list[Any] = [
        ctx.Process(target=_run_worker, args=(args.host, args.port, True), name=f"gateway-worker-{i}")
        for i in range(args.workers)
    ]
    for proc in procs:
        proc.start()

    def _stop(signum: int, _frame: object) -> None:
        for proc in procs:
            if proc.is_alive():
                with contextlib.suppress(Exception):
                    proc.terminate()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    code = 0
    for proc in procs:
        proc.join()
        code = code or (proc.exitcode or 0)
    if metrics_dir is not None:
        shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0 if code in (0, -signal.SIGTERM, -signal.SIGINT) else code


def main(argv: list[str] | None = None) -> int:
    """``vip-token`` and ``python -m gateway.cli``: ``token ...`` (the default) or ``serve ...``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "serve":
        return serve_main(argv[1:])
    if argv and argv[0] == "token":
        return token_main(argv[1:], prog="python -m gateway.cli token")
    return token_main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
