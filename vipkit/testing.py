"""Test harness shared by every service's tests (imported by the root ``conftest.py``).

- Databases: every test gets its own freshly migrated database. Migrations run once per session
  into a template (a SQLite file, or a PostgreSQL template database); each test then gets a copy
  (file copy / ``CREATE DATABASE ... TEMPLATE``). Real commits, real concurrency, no ``create_all``.
- PostgreSQL is used when ``VIP_TEST_POSTGRES_URL`` is set or 127.0.0.1:5432 answers; under
  ``CI=true`` its absence fails the run instead of skipping.
- ``TopicWatcher`` reads topics without a consumer group (no ~5 s group join) for assertions.
- ``wait_for`` polls a condition with a timeout: no sleep-and-hope.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import socket
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.engine import make_url

from vipkit.db import run_migrations

DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
TEST_JWT_SECRET = "test-secret-0123456789abcdef0123456789"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def postgres_admin_url() -> str | None:
    """The PostgreSQL server tests may use, or None when there is none."""
    url = os.environ.get("VIP_TEST_POSTGRES_URL")
    if url:
        return url
    with socket.socket() as s:
        s.settimeout(0.5)
        if s.connect_ex(("127.0.0.1", 5432)) == 0:
            return DEFAULT_PG_URL
    return None


def _pg_connect(url: str) -> Any:
    import psycopg

    u = make_url(url)
    return psycopg.connect(
        host=u.host or "127.0.0.1",
        port=u.port or 5432,
        user=u.username or "postgres",
        password=u.password,
        dbname=u.database or "postgres",
        autocommit=True,
    )


class DatabaseFactory:
    """Hands out fresh migrated databases; drops them at the end of the session."""

    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="vip-test-db-"))
        self.pg_url = postgres_admin_url()
        self._sqlite_templates: dict[str, Path] = {}
        self._pg_templates: dict[str, str] = {}
        self._pg_databases: list[str] = []
        self.tag = uuid.uuid4().hex[:8]

    def create(self, kind: str, migrations_dir: str | Path) -> str:
        key = str(Path(migrations_dir).resolve())
        if kind == "sqlite":
            template = self._sqlite_templates.get(key)
            if template is None:
                template = self.tmp / f"template-{len(self._sqlite_templates)}.db"
                run_migrations(key, f"sqlite:///{template}")
                self._sqlite_templates[key] = template
            target = self.tmp / f"{uuid.uuid4().hex}.db"
            shutil.copyfile(template, target)
            return f"sqlite:///{target}"
        if kind == "postgresql":
            if not self.pg_url:
                raise RuntimeError("PostgreSQL is not available")
            template_name = self._pg_templates.get(key)
            if template_name is None:
                template_name = f"vip_tpl_{self.tag}_{len(self._pg_templates)}"
                with _pg_connect(self.pg_url) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{template_name}"')
                    conn.execute(f'CREATE DATABASE "{template_name}"')
                self._pg_databases.append(template_name)
                run_migrations(key, self._url_for(template_name))
                self._pg_templates[key] = template_name
            name = f"vip_t_{self.tag}_{uuid.uuid4().hex[:12]}"
            with _pg_connect(self.pg_url) as conn:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template_name}"')
            self._pg_databases.insert(0, name)
            return self._url_for(name)
        raise ValueError(kind)

    def _url_for(self, database: str) -> str:
        assert self.pg_url
        return make_url(self.pg_url).set(database=database).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        """Drop one database early (long sessions keep fewer around)."""
        u = make_url(url)
        if u.get_backend_name() == "postgresql" and self.pg_url and u.database in self._pg_databases:
            with contextlib.suppress(Exception), _pg_connect(self.pg_url) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{u.database}" WITH (FORCE)')
            self._pg_databases.remove(u.database or "")
        elif u.get_backend_name() == "sqlite" and u.database:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(u.database + suffix)

    def close(self) -> None:
        if self.pg_url:
            with contextlib.suppress(Exception), _pg_connect(self.pg_url) as conn:
                for name in self._pg_databases:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(self.tmp, ignore_errors=True)


async def wait_for(
    predicate: Callable[[], Awaitable[Any]] | Callable[[], Any],
    *,
    timeout: float = 15.0,
    interval: float = 0.02,
    what: str = "condition",
) -> Any:
    """Poll ``predicate`` until it returns a truthy value; raise ``TimeoutError`` after ``timeout``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = predicate()
        if asyncio.iscoroutine(value) or isinstance(value, Awaitable):
            value = await value
        if value:
            return value
        if loop.time() > deadline:
            raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
        await asyncio.sleep(interval)


class TopicWatcher:
    """Collects every message on some topics from their beginning (no consumer group)."""

    def __init__(self, bootstrap: str, *topics: str) -> None:
        self.bootstrap = bootstrap
        self.topics = topics
        self.messages: list[dict[str, Any]] = []
        self._task: asyncio.Task[None] | None = None
        self._consumer: Any = None

    async def start(self) -> TopicWatcher:
        from aiokafka import AIOKafkaConsumer, TopicPartition

        from vipkit.kafka import ensure_topics

        await ensure_topics(self.bootstrap, [t for t in self.topics if not t.endswith(".dlq")], 3)
        consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, enable_auto_commit=False, fetch_max_wait_ms=20)
        await consumer.start()
        partitions = []
        for topic in self.topics:
            for _ in range(50):
                parts = consumer.partitions_for_topic(topic)
                if parts:
                    break
                await consumer._client.force_metadata_update()
                await asyncio.sleep(0.1)
            partitions += [TopicPartition(topic, p) for p in sorted(parts or [])]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        self._consumer = consumer
        self._task = asyncio.create_task(self._collect())
        return self

    async def _collect(self) -> None:
        while True:
            batches = await self._consumer.getmany(timeout_ms=200)
            for _tp, msgs in batches.items():
                for m in msgs:
                    try:
                        value = json.loads(m.value) if m.value else None
                    except ValueError:
                        value = m.value
                    self.messages.append(
                        {
                            "topic": m.topic,
                            "key": m.key.decode() if m.key else None,
                            "value": value,
                            "headers": {k: v.decode(errors="replace") for k, v in (m.headers or [])},
                            "partition": m.partition,
                            "offset": m.offset,
                            "record": m,  # the raw ConsumerRecord (bytes, headers as sent)
                        }
                    )

    def on(self, topic: str, **data_match: Any) -> list[dict[str, Any]]:
        """Messages on ``topic`` whose CloudEvent ``data`` has all the given fields."""
        out = []
        for m in self.messages:
            if m["topic"] != topic:
                continue
            data = (m["value"] or {}).get("data", {}) if isinstance(m["value"], dict) else {}
            if all(data.get(k) == v for k, v in data_match.items()):
                out.append(m)
        return out

    async def wait(self, topic: str, count: int = 1, timeout: float = 15.0, **data_match: Any) -> list[dict[str, Any]]:
        await wait_for(lambda: len(self.on(topic, **data_match)) >= count, timeout=timeout, what=f"{count} on {topic}")
        return self.on(topic, **data_match)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        if self._consumer is not None:
            await self._consumer.stop()

    async def __aenter__(self) -> TopicWatcher:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()


@contextlib.asynccontextmanager
async def app_client(app: Any, base_url: str = "http://test") -> AsyncIterator[httpx.AsyncClient]:
    """An in-process client for a FastAPI app, with its lifespan running."""
    from asgi_lifespan import LifespanManager

    async with LifespanManager(app, startup_timeout=60, shutdown_timeout=30) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url=base_url, timeout=30) as client:
            yield client


@contextlib.asynccontextmanager
async def serve_app(app: Any, port: int | None = None) -> AsyncIterator[str]:
    """Serve an ASGI app over real HTTP on 127.0.0.1 (for service-to-service tests); yields its URL."""
    import uvicorn

    from vipkit.broker import free_port

    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    task = asyncio.create_task(server.serve())
    try:
        await wait_for(lambda: server.started or task.done(), timeout=60, what="uvicorn start")
        if task.done():
            task.result()
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, 30)


CHROMIUM = "/usr/bin/chromium"
#: Flags for Debian's Chromium as root in this sandbox (no background traffic off the machine).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def require_chromium() -> str:
    """The Chromium the browser tests drive; skip with a reason when absent, but fail under CI."""
    import pytest

    if not os.path.exists(CHROMIUM):
        if in_ci():
            pytest.fail(f"CI=true but {CHROMIUM} is missing (the browser tests must run in CI)")
        pytest.skip(f"{CHROMIUM} is not installed: browser tests need a real Chromium (apt-get install chromium)")
    return CHROMIUM


def metric_value(exposition: str, name: str, **labels: str) -> float:
    """Sum of the samples of ``name`` in a Prometheus text exposition whose labels include ``labels``."""
    total = 0.0
    for line in exposition.splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, value = line.rpartition(" ")
        base, _, rest = key.partition("{")
        if base == name and all(f'{k}="{v}"' in rest for k, v in labels.items()):
            total += float(value)
    return total


async def walk_pages(client: httpx.AsyncClient, url: str, headers: dict[str, str], **params: Any) -> list[list[Any]]:
    """Every page of a cursor-paged list (vipkit.pagination), first to last."""
    pages: list[list[Any]] = []
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        r = await client.get(url, params=query, headers=headers)
        assert r.status_code == 200, r.text
        body = r.json()
        assert set(body) >= {"items", "next_cursor"}
        pages.append(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages
        assert len(pages) < 50


def forged_cursors(name: str, size: int) -> list[str]:
    """Cursors of list ``name`` (``size`` key values) that the server never issued: an integer of
    2^63 and more (the old ``offset`` fuzz case), far or naive times, nested values, wrong types.
    Each must be a 422 naming ``cursor``, never a server error."""
    from vipkit.pagination import encode_cursor

    hostile: list[Any] = [
        2**63,
        -(2**63) - 1,
        10**40,
        {"t": "0001-01-01T00:00:00+08:00"},
        {"t": "2026-09-01T10:00:00"},
        [[[["deep"]]]],
        {"x": 1},
        True,
        "x" * 600,
        None,
    ]
    return [encode_cursor(name, [value] * size) for value in hostile]


async def assert_forged_cursors_refused(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], name: str, size: int
) -> None:
    """Every ``forged_cursors`` value is a 422 ``validation_error`` naming ``cursor``; an ``offset`` of
    2^63 (no list takes one: cursors only) changes nothing."""
    for cursor in forged_cursors(name, size):
        r = await client.get(url, params={"cursor": cursor}, headers=headers)
        assert r.status_code == 422, (url, cursor, r.status_code, r.text)
        body = r.json()
        assert body["code"] == "validation_error" and "cursor" in (body.get("field") or body["detail"]), r.text
    r = await client.get(url, params={"offset": str(2**63)}, headers=headers)
    assert r.status_code == 200, r.text


class OpenApiValidator:
    """Validates values against schemas of one OpenAPI 3.1 document (``$ref``s into its components)."""

    def __init__(self, document: dict[str, Any]) -> None:
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        self.document = document
        self.registry = Registry().with_resource(
            "urn:openapi", Resource.from_contents(document, default_specification=DRAFT202012)
        )

    def errors(self, schema: dict[str, Any], value: Any) -> list[str]:
        from jsonschema import Draft202012Validator

        wrapped = {**schema, "$schema": "https://json-schema.org/draft/2020-12/schema"}
        wrapped = json.loads(json.dumps(wrapped).replace('"#/components/', '"urn:openapi#/components/'))
        found = Draft202012Validator(wrapped, registry=self.registry).iter_errors(value)
        return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]

    def response(self, operation: dict[str, Any], status: int) -> dict[str, Any] | None:
        """The documented response of ``operation`` for ``status`` ($ref resolved), or None."""
        response = (operation.get("responses") or {}).get(str(status))
        if response is None:
            return None
        if "$ref" in response:
            response = self.document["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
        return dict(response)
