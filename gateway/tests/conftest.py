"""Gateway test harness: the gateway in-process (aiohttp on a real port) in front of real services.

``services_stack`` serves the five real service apps (``services.<name>.main.create_app``) with
``vipkit.testing.serve_app`` on real ports, each on a fresh migrated SQLite database from
``db_factory`` (the gateway has no database of its own, so one kind is enough). Kafka is off in these
upstreams: the gateway neither publishes nor consumes, and readiness then checks the database only.
"""

from __future__ import annotations

import contextlib
import importlib
import socket
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from aiohttp import web

from gateway.main import GATEWAY_KEY, Gateway, create_app
from gateway.settings import SERVICES, GatewaySettings
from vipkit.auth import mint_token
from vipkit.settings import CommonSettings
from vipkit.testing import TEST_JWT_SECRET, DatabaseFactory, serve_app

# Switched off in the upstreams under test where the service has them: background workers are not
# what these tests look at, and they would only add load.
_QUIET_SETTINGS = {"worker_enabled": False}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def upstream_common(test_clock: bool = True) -> CommonSettings:
    return CommonSettings(
        env="test",
        jwt_secret=TEST_JWT_SECRET,
        test_clock=test_clock,
        scheduler="off",
        kafka_enabled=False,
    )


def gateway_common(test_clock: bool = False) -> CommonSettings:
    return CommonSettings(env="test", jwt_secret=TEST_JWT_SECRET, test_clock=test_clock, scheduler="off")


def token(sub: str, role: str = "customer") -> str:
    return mint_token(sub, role, secret=TEST_JWT_SECRET)  # type: ignore[arg-type]


def bearer(sub: str, role: str = "customer") -> dict[str, str]:
    return {"Authorization": f"Bearer {token(sub, role)}"}


def _service_app(name: str, database_url: str, urls: dict[str, str] | None = None) -> Any:
    main = importlib.import_module(f"services.{name}.main")
    settings_module = importlib.import_module(f"services.{name}.settings")
    settings_cls = next(
        obj
        for obj in vars(settings_module).values()
        if isinstance(obj, type)
        and obj.__module__ == settings_module.__name__
        and "database_url" in getattr(obj, "model_fields", {})
    )
    model_fields: dict[str, Any] = getattr(settings_cls, "model_fields", {})
    extra: dict[str, Any] = {k: v for k, v in _QUIET_SETTINGS.items() if k in model_fields}
    # the services it calls, when already up (SERVICES is in dependency order): real HTTP between them
    for upstream, url in (urls or {}).items():
        if f"{upstream}_url" in model_fields:
            extra[f"{upstream}_url"] = url
    return main.create_app(settings_cls(database_url=database_url, **extra), upstream_common())


@contextlib.asynccontextmanager
async def serve_services(db_factory: DatabaseFactory) -> AsyncIterator[dict[str, str]]:
    """Every real service on its own port and fresh database: name → base URL."""
    urls: dict[str, str] = {}
    async with contextlib.AsyncExitStack() as stack:
        for name in SERVICES:
            migrations = importlib.import_module(f"services.{name}.main").MIGRATIONS_DIR
            database_url = db_factory.create("sqlite", migrations)
            urls[name] = await stack.enter_async_context(serve_app(_service_app(name, database_url, dict(urls))))
        yield urls


@contextlib.asynccontextmanager
async def run_gateway(
    upstreams: dict[str, str],
    common: CommonSettings | None = None,
    **overrides: Any,
) -> AsyncIterator[tuple[str, Gateway]]:
    """The gateway app on a free port in this event loop; yields (base URL, Gateway state)."""
    fields: dict[str, Any] = {f"{name}_url": url for name, url in upstreams.items()}
    fields.update(overrides)
    settings = GatewaySettings(**fields)
    app = create_app(settings, common or gateway_common())
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    port = free_port()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    try:
        yield f"http://127.0.0.1:{port}", app[GATEWAY_KEY]
    finally:
        await runner.cleanup()


@contextlib.asynccontextmanager
async def client(base_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as c:
        yield c


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def services_stack(db_factory: DatabaseFactory) -> AsyncIterator[dict[str, str]]:
    async with serve_services(db_factory) as urls:
        yield urls


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def gateway_url(services_stack: dict[str, str]) -> AsyncIterator[str]:
    """The gateway in front of the real services (default limits, test clock off)."""
    async with run_gateway(services_stack, rate_limit_enabled=False) as (url, _state):
        yield url


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
