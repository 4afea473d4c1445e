"""The service app factory: one FastAPI shape for every service.

``create_service_app`` wires problem+json errors, request ids, the test clock (SPEC 7.3),
Prometheus metrics, masked JSON access logs, a request-body limit, ``/healthz``, ``/readyz``
(``vipkit.health``: database and migrations gate; broker and consumers reported), and a
lifespan that opens the database, starts the outbox relay, the consumers and the scheduler, and
stops them all on shutdown.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vipkit import clock, metrics, tracing
from vipkit.bodylimit import BodyLimitMiddleware
from vipkit.consumer import ConsumerRunner, ConsumerSpec
from vipkit.db import Database
from vipkit.durable import JobKind, JobRunner
from vipkit.health import readiness
from vipkit.idempotency import IdempotencyMiddleware
from vipkit.kafka import ensure_topics
from vipkit.logging import configure_logging, request_id_var
from vipkit.masking import redact_path
from vipkit.openapi_docs import HEALTH_DOCS, Op, apply_operation_docs
from vipkit.openapi_served import prepare_document
from vipkit.ops import ops_docs, ops_router
from vipkit.problems import Problem, install_problem_handlers, problem_response
from vipkit.relay import OutboxRelay
from vipkit.retention import PURGE_AT, PURGE_JOB, PurgeRule, plumbing_rules, purge
from vipkit.scheduler import DailyJob, Scheduler
from vipkit.settings import CommonSettings

log = logging.getLogger("vipkit.app")
access_log = logging.getLogger("vipkit.access")
_TEST_NOW = clock.TEST_NOW_HEADER.lower().encode()


@dataclass
class ServiceSpec:
    """Everything that makes one service: its routers, consumers, jobs and hooks."""

    name: str
    title: str
    description: str
    database_url: str
    settings: CommonSettings
    routers: Sequence[APIRouter] = ()
    consumers: Sequence[ConsumerSpec] = ()
    jobs: Sequence[DailyJob] = ()
    job_kinds: Mapping[str, JobKind] = field(default_factory=dict)  # durable jobs (vipkit.durable)
    job_options: Mapping[str, Any] = field(default_factory=dict)  # JobRunner options (batch, backoff ...)
    topics: Sequence[str] = ()
    version: str = "1.0.0"
    on_startup: Sequence[Callable[[FastAPI], Awaitable[None]]] = ()
    on_shutdown: Sequence[Callable[[FastAPI], Awaitable[None]]] = ()
    migrations_dir: str | None = None
    migrate_on_start: bool = False
    operation_docs: Mapping[str, Op] = field(default_factory=dict)  # route name -> its OpenAPI docs
    metrics_probes: Sequence[metrics.MetricsProbe] = ()
    retention: Sequence[PurgeRule] = ()  # the service's own tables; the shared ones are always purged


class ContextMiddleware:
    """Pure ASGI: request id, test clock, metrics, access log. Cheap on the hot path."""

    def __init__(self, app: ASGIApp, *, service: str, test_clock: bool) -> None:
        self.app = app
        self.service = service
        self.test_clock = test_clock

    def read_headers(self, scope: Scope) -> tuple[str, str | None]:
        """The request id (the client's, or a new one) and the test clock header (when enabled)."""
        request_id = None
        test_now = None
        for name, value in scope["headers"]:  # ASGI header names are lower-case bytes
            if name == b"x-request-id":
                request_id = value.decode("latin-1")
            elif name == _TEST_NOW and self.test_clock:
                test_now = value.decode("latin-1")
        return request_id or uuid.uuid4().hex, test_now

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id, test_now = self.read_headers(scope)
        rid_token = request_id_var.set(request_id)
        clock_token = None
        if test_now is not None:
            try:
                clock_token = clock.set_override(clock.parse_test_now(test_now))
            except ValueError as exc:
                request_id_var.reset(rid_token)
                response = problem_response(Problem(f"X-Test-Now: {exc}", status=422, code="validation_error"))
                await response(scope, receive, send)
                return
        status = 500
        started = time.perf_counter()

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            elapsed = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", "unmatched")
            metrics.HTTP_REQUESTS.labels(self.service, scope["method"], route, str(status)).inc()
            metrics.HTTP_LATENCY.labels(self.service, scope["method"], route).observe(elapsed)
            if route not in ("/healthz", "/readyz", "/metrics"):
                access_log.info(
                    "request",
                    extra={
                        "method": scope["method"],
                        "path": redact_path(scope["path"]),
                        "status": status,
                        "ms": round(elapsed * 1000, 2),
                    },
                )
            if clock_token is not None:
                clock.reset_override(clock_token)
            request_id_var.reset(rid_token)


class ServiceRuntime:
    """What runs in the background of a service process."""

    def __init__(self, spec: ServiceSpec, db: Database) -> None:
        self.spec = spec
        self.db = db
        settings = spec.settings
        self.job_runner = (
            JobRunner(
                db,
                spec.job_kinds,
                name=spec.name,
                test_clock=settings.test_clock,
                **{
                    "base_seconds": settings.jobs_backoff_base_s,
                    "cap_seconds": settings.jobs_backoff_cap_s,
                    **spec.job_options,
                },
            )
            if spec.job_kinds and settings.jobs_enabled
            else None
        )
        self.relay = OutboxRelay(db, settings, name=spec.name) if settings.kafka_enabled else None
        self.consumers = (
            [ConsumerRunner(c, db, settings, service=spec.name) for c in spec.consumers]
            if settings.kafka_enabled
            else []
        )
        for runner in self.consumers:
            metrics.CONSUMERS.runners.add(runner)
        self.scheduler = (
            Scheduler(db, [*spec.jobs, self.purge_job()], first_tick_seconds=settings.scheduler_first_tick_s)
            if settings.scheduler_enabled
            else None
        )
        self.tasks: list[asyncio.Task[None]] = []
        self.topics_ready = False

    def retention_rules(self) -> list[PurgeRule]:
        return [*plumbing_rules(self.spec.settings), *self.spec.retention]

    async def purge(self, now: dt.datetime | None = None) -> dict[str, int]:
        """Delete finished rows past their retention period (docs/data-retention.md)."""
        return await purge(self.db, self.retention_rules(), service=self.spec.name, now=now)

    def purge_job(self) -> DailyJob:
        async def run(due: dt.datetime) -> object:
            return await self.purge(due)

        return DailyJob(name=PURGE_JOB, at=PURGE_AT, run=run)

    async def _prepare_topics(self) -> None:
        settings = self.spec.settings
        topics = {*self.spec.topics, *(t for c in self.spec.consumers for t in c.topics)}
        backoff = 0.5
        while True:
            try:
                await ensure_topics(
                    settings.kafka_bootstrap,
                    topics,
                    settings.kafka_partitions,
                    settings.kafka_replication,
                    settings=settings,
                )
                self.topics_ready = True
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("topic creation failed; retrying", extra={"error": repr(exc)})
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)

    async def _run_kafka(self) -> None:
        await self._prepare_topics()
        for runner in self.consumers:
            self.tasks.append(asyncio.create_task(runner.run(), name=f"consumer-{runner.group_id}"))

    async def start(self) -> None:
        if self.job_runner is not None:
            self.tasks.append(asyncio.create_task(self.job_runner.run(), name="durable-jobs"))
        if self.relay is not None:
            self.tasks.append(asyncio.create_task(self.relay.run(), name="outbox-relay"))
            self.tasks.append(asyncio.create_task(self._run_kafka(), name="kafka-setup"))
        if self.scheduler is not None:
            self.tasks.append(asyncio.create_task(self.scheduler.run(), name="scheduler"))

    async def stop(self) -> None:
        if self.job_runner is not None:
            await self.job_runner.stop()
        for runner in self.consumers:
            await runner.stop()
        if self.relay is not None:
            await self.relay.stop()
        for task in self.tasks:
            task.cancel()
        for task in self.tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


def freeze_startup_heap() -> None:
    """Put what start-up made (modules, the app, its OpenAPI schema: most of the heap) out of the
    cyclic collector's reach (``gc.freeze``), so that a full collection scans only what came since.

    Issue 17: without it, collections were ~30% of entitlements' CPU applying tier changes (a batch
    makes many short-lived objects; each full collection walked the whole start-up heap). Start-up's
    garbage is collected first; once per process (tests start many apps in one)."""
    if gc.get_freeze_count() == 0:
        gc.collect()
        gc.freeze()


def service_lifespan(spec: ServiceSpec) -> Callable[[FastAPI], contextlib.AbstractAsyncContextManager[None]]:
    """Start-up and shutdown of one service: migrations (when asked), database, hooks, runtime."""
    settings = spec.settings

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if spec.migrate_on_start and spec.migrations_dir:
            from vipkit.db import run_migrations

            await asyncio.to_thread(run_migrations, spec.migrations_dir, spec.database_url)
        db = Database(spec.database_url, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow)
        app.state.db = db
        runtime = ServiceRuntime(spec, db)
        app.state.runtime = runtime
        for hook in spec.on_startup:
            await hook(app)
        # built once before serving (the gateway's first fetch of /openapi.json must not wait for it),
        # in a forked child: its bytes are served, the service keeps no dict (vipkit.openapi_served)
        await asyncio.to_thread(prepare_document, app)
        freeze_startup_heap()
        await runtime.start()
        log.info("service started", extra={"program": settings.program, "test_clock": settings.test_clock})
        try:
            yield
        finally:
            await runtime.stop()
            for hook in spec.on_shutdown:
                with contextlib.suppress(Exception):
                    await hook(app)
            await db.dispose()

    return lifespan


def create_service_app(spec: ServiceSpec) -> FastAPI:
    settings = spec.settings
    settings.check_secrets()
    configure_logging(spec.name, settings.log_level)
    tracing.configure_tracing(spec.name)

    app = FastAPI(
        title=spec.title,
        description=spec.description,
        version=spec.version,
        lifespan=service_lifespan(spec),
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.common_settings = settings
    app.state.spec = spec
    install_problem_handlers(app)

    @app.get("/healthz", tags=["health"], summary="Liveness")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "service": spec.name}

    @app.get("/readyz", tags=["health"], summary="Readiness: database reachable and migrated to this code's head")
    async def readyz(request: Request) -> JSONResponse:
        """Ready = this process can take traffic: its database answers and holds this code's
        migrations. The broker and the consumers are reported but never gate: the outbox keeps
        writes going while Kafka is away (one outage must not take the API out of rotation)."""
        return await readiness(request.app)

    @app.get("/metrics", tags=["health"], summary="Prometheus metrics", include_in_schema=False)
    async def metrics_page(request: Request) -> Response:
        runtime: ServiceRuntime | None = getattr(request.app.state, "runtime", None)
        if runtime is not None:
            await metrics.refresh_business_metrics(spec.name, runtime.db, spec.metrics_probes, runtime.consumers)
        return Response(metrics.exposition(), media_type=CONTENT_TYPE_LATEST)

    plumbing = ops_router(spec.name)
    idempotent_posts = apply_operation_docs(
        app, [app.router, *spec.routers, plumbing], {**HEALTH_DOCS, **ops_docs(spec.name), **spec.operation_docs}
    )
    for router in spec.routers:
        app.include_router(router)
    app.include_router(plumbing)
    if idempotent_posts:
        app.add_middleware(IdempotencyMiddleware, paths=idempotent_posts, settings=settings)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.request_max_body_bytes)  # outside idempotency
    app.add_middleware(ContextMiddleware, service=spec.name, test_clock=settings.test_clock)
    tracing.instrument_fastapi(app)
    return app
