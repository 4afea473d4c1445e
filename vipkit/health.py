"""Service readiness (``/readyz``): what gates and what is only reported.

- Gates: the database answers, and it holds this code's migrations. A database *ahead* of this
  code (a revision this image does not know: the migration Job of a newer release ran first) is
  fine: migrations are expand-then-contract, so the old replicas keep serving during a rollout.
- Reported only: the broker (reachable, topics prepared) and each consumer's partition assignment.
  The outbox keeps writes going while Kafka is away; taking every replica out of rotation for a
  broker outage would turn a delay into an outage. ``make run`` waits for the assignments itself.
- ``pid``: lets a supervisor check that the process answering is the one it started.

The migration heads are read from the scripts' ``revision`` / ``down_revision`` assignments, not
with Alembic's ``ScriptDirectory``: that imports alembic, mako and pygments (via mako's plugin) and
every migration script, and they stayed loaded for the life of the process (~6 MB of a service's
idle memory, issue 17). ``tests/foundation/test_migration_heads.py`` checks both agree.
"""

from __future__ import annotations

import ast
import asyncio
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from vipkit.db import Database, applied_revisions
from vipkit.kafka import broker_reachable

if TYPE_CHECKING:
    from vipkit.app import ServiceRuntime, ServiceSpec


def script_revision(path: Path) -> tuple[str, tuple[str, ...]] | None:
    """``(revision, down revisions)`` of one Alembic script, from its module-level assignments."""
    found: dict[str, Any] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        target: ast.expr
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
            found[target.id] = ast.literal_eval(value)
    revision, down = found.get("revision"), found.get("down_revision")
    if not isinstance(revision, str):
        return None
    return revision, (down,) if isinstance(down, str) else tuple(down or ())


def migration_heads(migrations_dir: str | Path) -> tuple[set[str], set[str]]:
    """The head revisions of a service's Alembic scripts, and every revision they know."""
    scripts = [script_revision(p) for p in sorted((Path(migrations_dir) / "versions").glob("*.py"))]
    known = {s[0]: s[1] for s in scripts if s is not None}
    parents = {parent for downs in known.values() for parent in downs}
    return set(known) - parents, set(known)


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
