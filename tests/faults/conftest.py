"""Fault-injection suite (issue 12): the platform as real processes on PostgreSQL with a real tansu
broker; faults are real (SIGKILL, a database refusing connections, an unreachable provider).

Every scenario is bounded in time and prints ``faults: <scenario> lost=N duplicated=N stuck=N``.
Retry caps are shortened by settings (production: 5 min for jobs, 10 s for consumers) so a recovery
is seen within seconds; the 60 s entitlements outage itself is real time.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.harness import running_platform
from vipkit.devrun import Cluster
from vipkit.testing import DatabaseFactory, in_ci

FAULT_ENV = {
    "VIP_JOBS_BACKOFF_CAP_S": "2",
    "VIP_KAFKA_RETRY_BACKOFF_CAP_S": "1",
    "VIP_GATEWAY_RATE_LIMIT_ENABLED": "false",  # load from one client; rate limits are not under test
}


def report(scenario: str, *, lost: int, duplicated: int, stuck: int, **extra: object) -> str:
    figures = " ".join(f"{k}={v}" for k, v in extra.items())
    line = f"faults: {scenario} lost={lost} duplicated={duplicated} stuck={stuck}" + (f" {figures}" if figures else "")
    print(line)
    return line


def platform(program: str, db_factory: DatabaseFactory) -> Iterator[Cluster]:
    if not db_factory.pg_url:
        if in_ci():
            pytest.fail("CI=true but no PostgreSQL for the fault-injection suite")
        pytest.skip("the fault-injection suite needs PostgreSQL")
    with running_platform(program, db_factory, db_kind="postgresql", env=FAULT_ENV) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def faults_platform(db_factory: DatabaseFactory) -> Iterator[Cluster]:
    yield from platform("levels", db_factory)


@pytest.fixture(scope="module")
def stars_faults_platform(db_factory: DatabaseFactory) -> Iterator[Cluster]:
    """The stars program: the one whose catalog has second opinions."""
    yield from platform("stars", db_factory)
