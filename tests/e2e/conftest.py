"""Fixtures for the end-to-end journeys: one running platform per program (module scope)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.harness import running_platform
from vipkit.devrun import Cluster
from vipkit.testing import DatabaseFactory, in_ci


def _platform(program: str, db_factory: DatabaseFactory) -> Iterator[Cluster]:
    if not db_factory.pg_url and in_ci():
        pytest.fail("CI=true but no PostgreSQL for the end-to-end journeys")
    with running_platform(program, db_factory) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def levels_platform(db_factory: DatabaseFactory) -> Iterator[Cluster]:
    yield from _platform("levels", db_factory)


@pytest.fixture(scope="module")
def stars_platform(db_factory: DatabaseFactory) -> Iterator[Cluster]:
    yield from _platform("stars", db_factory)


@pytest.fixture(scope="module")
def cards_platform(db_factory: DatabaseFactory) -> Iterator[Cluster]:
    yield from _platform("cards", db_factory)
