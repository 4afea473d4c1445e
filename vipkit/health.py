"""Service readiness (``/readyz``): what gates and what is only reported.

- Gates: the database answers, and it holds this code's migrations. A database *ahead* of this
  code (a revision this image does not know: the migration Job of a newer release ran first) is
  fine: migrations are expand-then-contract, so the old replicas keep serving during a rollout.
- Reported only: the broker (reachable, topics prepared) and each consumer's partition assignment.
  The outbox keeps writes going while Kafka is away; taking every replica out of rotation for a
  broker outage would turn a delay into an outage. ``make run`` waits for the assignments itself.
- ``pid``: lets a supervisor check that the process answering is the one it started.
"""

from __future__ import annotations

import asyncio
import os
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from vipkit.db import Database, applied_revisions, migration_heads
from vipkit.kafka import broker_reachable

if TYPE_CHECKING:
    from vipkit.app import ServiceRuntime, ServiceSpec


async def migrations_check(app: FastAPI, db: Database) -> str:
    """ "ok", or why not; an "ok" is remembered (the database only moves forward)."""
    spec: ServiceSpec = app.state.spec
    if not spec.migrations_dir or getattr(app.state, "migrations_ok", False):
        return "ok"
    cached: tuple[set[str], set[str]] | None = getattr(app.state, "migration_heads", None)
    if cached is None:
        cached = await asyncio.to_thread(migration_heads, spec.migrations_dir)
        app.state.migration_heads = cached
    heads, known = cached
    applied = await applied_revisions(db)
    if heads <= applied or (applied and not applied <= known):
        app.state.migrations_ok = True
        return "ok"
    return f"pending: database at {sorted(applied) or 'nothing'}, code needs {sorted(heads)}"


async def readiness(app: FastAPI) -> JSONResponse:
    spec: ServiceSpec = app.state.spec
    settings = spec.settings
    checks: dict[str, str] = {}
    db: Database = app.state.db
    try:
        await asyncio.wait_for(db.ping(), 3)
        checks["database"] = "ok"
        checks["migrations"] = await asyncio.wait_for(migrations_check(app, db), 5)
    except Exception as exc:
        checks.setdefault("database", f"error: {exc.__class__.__name__}")
    body: dict[str, Any] = {"service": spec.name, "pid": os.getpid(), "checks": checks}
    if settings.kafka_enabled:
        runtime: ServiceRuntime = app.state.runtime
        reachable = await broker_reachable(settings.kafka_bootstrap)
        body["broker"] = "ok" if reachable and runtime.topics_ready else "unreachable" if not reachable else "starting"
        body["consumers"] = {r.group_id: "assigned" if r.assigned else "waiting" for r in runtime.consumers}
    ready = all(v == "ok" for v in checks.values())
    body["status"] = "ready" if ready else "not_ready"
    return JSONResponse(body, status_code=200 if ready else 503)
