"""The production-like cluster for ``tests/production``: what an insurer's platform team runs.

Real PostgreSQL with one database per service, the local Kafka-protocol broker, ``VIP_ENV=staging``
(so the secrets policy applies and the test clock is refused), RS256 customer/ops tokens from a
local JWKS identity provider, internal tokens with their own secret, two replicas of every service
(distinct ports) behind the gateway, the scheduler on in both. Built on ``vipkit.devrun.Cluster``
(what ``make run`` and the e2e journeys use).

The broker runs without SASL: tansu 0.6 (the local broker) implements SCRAM but not SASL/PLAIN,
and its user CLI cannot create users on a broker that requires authentication with memory
storage; the SASL/TLS settings are unit-tested on the aiokafka arguments (test_settings_policy).
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, create_engine, insert

from tests.production.jwks import LocalIdp
from vipkit import clock
from vipkit.broker import free_port, port_open
from vipkit.db import job_runs_table, sync_url
from vipkit.devrun import SERVICES, Cluster
from vipkit.retention import PURGE_AT, PURGE_JOB
from vipkit.testing import DatabaseFactory

INTERNAL_SECRET = "production-test-internal-secret-" + os.urandom(8).hex()
JWT_SECRET = "production-test-jwt-secret-unused-" + os.urandom(8).hex()
PARTNER_ID = "P-STAGING"
PARTNER_SECRET = "whsec_" + base64.b64encode(os.urandom(32)).decode()


def free_base_port(span: int = 20) -> int:
    for base in range(21100, 23000, 40):
        if not any(port_open("127.0.0.1", base + i) for i in range(span)):
            return base
    raise RuntimeError("no free port range")


@contextmanager
def connected(database_url: str) -> Iterator[Connection]:
    """A synchronous connection to one service's database, in a transaction committed on exit."""
    engine = create_engine(sync_url(database_url))
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()


#: what every service's ``job_runs`` holds before the cluster starts (``record_a_missed_day``)
MISSED_DAY_JOB = PURGE_JOB
MISSED_DAY_RESULT = "ok: recorded before the cluster started"


def record_a_missed_day(database_urls: dict[str, str]) -> dt.date:
    """Record each service's retention purge as last run two days ago, as after a day of downtime.

    Without it, what the scheduler finds due at start-up depends on the wall clock: between 00:00
    and 00:30 in Shanghai no daily job of a fresh database is due yet. With it, yesterday's purge is
    due in every service at any hour (the scheduler catches up missed days), so the replicas always
    have an occurrence to compete for. Returns the recorded day."""
    day = clock.today() - dt.timedelta(days=2)
    started = clock.local_datetime(day, PURGE_AT.hour, PURGE_AT.minute)
    for url in database_urls.values():
        with connected(url) as conn:
            conn.execute(
                insert(job_runs_table).values(
                    job=MISSED_DAY_JOB,
                    occurrence=day.isoformat(),
                    started_at=started,
                    finished_at=started,
                    result=MISSED_DAY_RESULT,
                    attempts=1,
                )
            )
    return day


def staging_env(idp: LocalIdp) -> dict[str, str]:
    return {
        # whatever earlier tests left in the environment, these processes get the staging wiring
        "OTEL_EXPORTER_OTLP_ENDPOINT": "",
        "VIP_REDIS_URL": "",
        "VIP_ENV": "staging",
        "VIP_PROGRAM": "levels",
        "VIP_JWT_SECRET": JWT_SECRET,
        "VIP_JWT_JWKS_URL": idp.url,
        "VIP_JWT_ISSUER": idp.issuer,
        "VIP_JWT_AUDIENCE": idp.audience,
        "VIP_JWT_JWKS_MIN_REFRESH_S": "0.5",
        "VIP_INTERNAL_SECRET": INTERNAL_SECRET,
        "VIP_TEST_CLOCK": "0",
        "VIP_SCHEDULER": "on",
        "VIP_SCHEDULER_FIRST_TICK_S": "0",
        "VIP_KAFKA_FETCH_MAX_WAIT_MS": "20",
        "VIP_RELAY_POLL_MS": "50",
        "VIP_SIMULATOR_PARTNER_ID": PARTNER_ID,
        "VIP_SIMULATOR_PARTNER_SECRET": PARTNER_SECRET,
        "VIP_SIMULATOR_CONFIRM_DELAY_SECONDS": "0.2",
        "VIP_SIMULATOR_COMPLETE_DELAY_SECONDS": "-1",
        # the partner clinic (the simulator) is a loopback http URL: allowed explicitly
        "VIP_BOOKING_PARTNER_URL_ALLOWLIST": "127.0.0.1",
    }


@contextmanager
def production_like_cluster(db_factory: DatabaseFactory, idp: LocalIdp) -> Iterator[Cluster]:
    var = Path(tempfile.mkdtemp(prefix="vip-production-"))
    urls = {s.name: db_factory.create("postgresql", s.migrations) for s in SERVICES if s.migrations}
    record_a_missed_day(urls)
    cluster = Cluster(
        var_dir=var,
        base_port=free_base_port(),
        kafka_bootstrap=None,
        kafka_port=free_port(),
        database_urls=urls,
        replicas=2,
        env=staging_env(idp),
    )
    cluster.start()
    try:
        cluster.wait_ready(timeout=480)
        yield cluster
    except BaseException:
        for log in sorted((var / "logs").glob("*.log")):
            print(f"===== {log.name}\n{log.read_text(errors='replace')[-3000:]}")
        raise
    finally:
        cluster.stop()
