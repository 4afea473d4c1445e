"""``make run``: start the whole platform locally, load demo data, print the URLs; Ctrl-C stops it all.

Starts the tansu broker (unless ``VIP_KAFKA_BOOTSTRAP`` points at a real cluster), migrates the
SQLite databases under ``./var/`` (or the ``VIP_<SERVICE>_DATABASE_URL`` you set), starts the five
services, the partner-clinic simulator and the gateway on port 8000, and waits until all are ready.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vipkit.devrun import SERVICES, Cluster  # noqa: E402


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-port", type=int, default=int(os.environ.get("VIP_BASE_PORT", "8000")))
    parser.add_argument("--kafka-port", type=int, default=int(os.environ.get("VIP_LOCAL_KAFKA_PORT", "9092")))
    parser.add_argument("--var-dir", type=Path, default=ROOT / "var")
    parser.add_argument("--no-demo", action="store_true", help="do not load demo data")
    parser.add_argument("--pidfile", type=Path, default=None, help="write the PIDs started (one per line)")
    parser.add_argument("--gateway-workers", type=int, default=int(os.environ.get("VIP_GATEWAY_WORKERS", "1")))
    return parser.parse_args()


def new_cluster(args: argparse.Namespace) -> Cluster:
    database_urls = {
        s.name: os.environ[f"VIP_{s.name.upper()}_DATABASE_URL"]
        for s in SERVICES
        if os.environ.get(f"VIP_{s.name.upper()}_DATABASE_URL")
    }
    return Cluster(
        var_dir=args.var_dir,
        base_port=args.base_port,
        kafka_bootstrap=os.environ.get("VIP_KAFKA_BOOTSTRAP"),
        kafka_port=args.kafka_port,
        database_urls=database_urls,
        gateway_workers=args.gateway_workers,
        # the demo data is loaded before the scheduler's first daily run
        env={"VIP_SCHEDULER_FIRST_TICK_S": os.environ.get("VIP_SCHEDULER_FIRST_TICK_S", "60")},
    )


def print_urls(cluster: Cluster, args: argparse.Namespace, demo: dict[str, str]) -> None:
    gw = cluster.gateway_url
    lines = [
        "",
        "VIP service platform is running:",
        f"  gateway        {gw}",
        f"  OpenAPI docs   {gw}/docs",
        f"  readiness      {gw}/readyz",
        f"  broker         {cluster.kafka_bootstrap}",
        f"  logs           {args.var_dir / 'logs'}",
    ]
    for key, value in demo.items():
        lines.append(f"  {key:<14} {value}")
    lines += ["", "Press Ctrl-C to stop everything.", ""]
    print("\n".join(lines), flush=True)


def watch(cluster: Cluster, args: argparse.Namespace, stop: threading.Event) -> None:
    """Until Ctrl-C, or until a process exits (then everything stops)."""
    while not stop.is_set():
        for name, proc in cluster.processes.items():
            if proc.poll() is not None:
                print(f"{name} exited with {proc.returncode}; stopping (see {args.var_dir}/logs/{name}.log)")
                stop.set()
        stop.wait(1.0)


def main() -> int:
    args = parse_args()
    cluster = new_cluster(args)
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    program = os.environ.get("VIP_PROGRAM", "stars")
    print(f"Starting the VIP platform (program {program}) ...", flush=True)
    started = time.monotonic()
    try:
        cluster.start()
        if args.pidfile:
            args.pidfile.write_text("\n".join(map(str, cluster.pids)) + "\n")
        cluster.wait_ready(timeout=90)
        print(f"All services ready in {time.monotonic() - started:.1f} s.", flush=True)
        demo: dict[str, str] = {}
        if not args.no_demo:
            from scripts.demo import load_demo

            demo = load_demo(cluster.gateway_url, program, simulator_url=cluster.url("simulator"))
        print_urls(cluster, args, demo)
        watch(cluster, args, stop)
        return 0
    except Exception as exc:
        print(f"make run failed: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        print("Stopping ...", flush=True)
        cluster.stop()
        print("Stopped.", flush=True)


if __name__ == "__main__":
    sys.exit(main())
