"""``Idempotency-Key`` for every POST of a service, one implementation (SPEC 7; docs: the merged
OpenAPI document's introduction and docs/api-conventions.md).

A POST that carries an ``Idempotency-Key`` header is claimed in the service's ``idempotency_keys``
table (INSERT ... ON CONFLICT DO NOTHING, never check-then-insert) under the caller (the verified
token's role and subject, or ``anonymous``), the method and the path. Then:

- claimed now: the request runs; a 2xx answer is stored (status, content type, body) and replayed to
  every retry with the same key and the same body (``Idempotent-Replayed: true``); an error answer
  (nothing was done: its transaction rolled back) frees the key, so a retry runs again and gets
  today's answer (e.g. after ``answered_too_fast``);
- the same key with another body → 409 ``conflict``; a retry while the first call is still running →
  409 ``conflict`` (retry shortly). A claim whose answer was never stored (the process died) is taken
  over after ``STALE_CLAIM`` so the key is never stuck.

Keys are kept ``RETENTION`` (48 h, at least the 24 h promised); older ones are purged while claiming.
Bookings and second opinions also keep the key with their effect in one transaction (their use
cases' own check): a durable backstop behind this one, e.g. after the purge. The internal
reservation endpoint (called by booking's saga) keeps its own implementation only: a concurrent
retry there waits for and answers the same reservation instead of a 409. The partner
webhook is deduplicated on ``webhook-id`` instead, and the bulk policy import is an upsert by
``policy_no`` (safe to repeat as it is).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, delete, select, update
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vipkit.auth import TokenVerifier, bearer_token
from vipkit.db import Database, UtcDateTime, insert_ignore
from vipkit.problems import Problem, problem_response
from vipkit.settings import CommonSettings

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 200
RETENTION = dt.timedelta(hours=48)
STALE_CLAIM = dt.timedelta(minutes=2)
PURGE_EVERY = dt.timedelta(minutes=10)
MAX_STORED_BODY = 1024 * 1024

_metadata = MetaData()
IDEMPOTENCY_KEYS = Table(
    "idempotency_keys",
    _metadata,
    Column("scope", String(64), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("status_code", Integer, nullable=True),
    Column("content_type", String(100), nullable=True),
    Column("body", Text, nullable=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("completed_at", UtcDateTime, nullable=True),
)


def create_idempotency_table(op: Any) -> None:
    """For a service's migration (frozen here, not live metadata)."""
    import sqlalchemy as sa

    op.create_table(
        "idempotency_keys",
        sa.Column("scope", sa.String(64), primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer, nullable=True),
        sa.Column("content_type", sa.String(100), nullable=True),
        sa.Column("body", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_idempotency_keys_created_at", "idempotency_keys", ["created_at"])


def _wall_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)  # retention is real time, not the test clock


class IdempotencyMiddleware:
    """Pure ASGI; applies to POSTs whose path matches one of ``paths`` (compiled route regexes)."""

    def __init__(self, app: ASGIApp, *, paths: Iterable[re.Pattern[str]], settings: CommonSettings) -> None:
        self.app = app
        self.paths = list(paths)
        self.verifier = TokenVerifier(settings)
        self.last_purge = dt.datetime.min.replace(tzinfo=dt.UTC)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or not any(p.match(scope["path"]) for p in self.paths):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        raw_key = headers.get(b"idempotency-key")
        if raw_key is None:
            await self.app(scope, receive, send)
            return
        key = raw_key.decode("latin-1").strip()
        if not key or len(key) > MAX_KEY_LENGTH:
            problem = Problem(f"{HEADER} must be 1..{MAX_KEY_LENGTH} characters", status=422, field=HEADER)
            await problem_response(problem, scope["path"])(scope, receive, send)
            return
        body = await _read_body(receive)
        caller = self._caller(headers.get(b"authorization"))
        scope_id = _digest(caller, scope["path"], key)
        fingerprint = _digest(scope["path"], body.decode("utf-8", "replace"))
        db: Database = scope["app"].state.db
        stored = await self._claim(db, scope_id, fingerprint)
        if stored is not None:
            await _answer(stored, scope, receive, send)
            return
        await self._run(db, scope_id, body, scope, send)

    def _caller(self, authorization: bytes | None) -> str:
        token = bearer_token(authorization.decode("latin-1") if authorization else None)
        if token is None:
            return "anonymous"
        try:
            identity = self.verifier.verify(token)
        except Exception:
            return "invalid"  # the endpoint answers 401; nothing is stored for 4xx-before-effect anyway
        return f"{identity.role}:{identity.sub}"

    async def _claim(self, db: Database, scope_id: str, fingerprint: str) -> dict[str, Any] | None:
        """None when this request claimed the key (run it); else what to answer."""
        now = _wall_now()
        async with db.transaction() as session:
            if now - self.last_purge > PURGE_EVERY:
                self.last_purge = now
                await session.execute(delete(IDEMPOTENCY_KEYS).where(IDEMPOTENCY_KEYS.c.created_at < now - RETENTION))
            row = {"scope": scope_id, "fingerprint": fingerprint, "created_at": now}
            if await insert_ignore(session, IDEMPOTENCY_KEYS, row):
                return None
            found = (
                (await session.execute(select(IDEMPOTENCY_KEYS).where(IDEMPOTENCY_KEYS.c.scope == scope_id)))
                .mappings()
                .first()
            )
            if found is None:  # purged between the insert and the read: run it
                return None
            if found["fingerprint"] != fingerprint:
                return {"problem": f"this {HEADER} was used with a different request"}
            if found["status_code"] is not None:
                return dict(found)
            if found["created_at"] < now - STALE_CLAIM:
                taken = await session.execute(
                    update(IDEMPOTENCY_KEYS)
                    .where(IDEMPOTENCY_KEYS.c.scope == scope_id, IDEMPOTENCY_KEYS.c.created_at == found["created_at"])
                    .values(created_at=now)
                )
                if taken.rowcount:  # type: ignore[attr-defined]
                    return None
            return {"problem": f"a request with this {HEADER} is being processed; retry shortly"}

    async def _run(self, db: Database, scope_id: str, body: bytes, scope: Scope, send: Send) -> None:
        captured: dict[str, Any] = {"status": 500, "content_type": None, "chunks": []}
        sent_body = False

        async def replay_receive() -> Message:
            nonlocal sent_body
            if not sent_body:
                sent_body = True
                return {"type": "http.request", "body": body, "more_body": False}
            return {"type": "http.disconnect"}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                for name, value in message.get("headers", []):
                    if name.lower() == b"content-type":
                        captured["content_type"] = value.decode("latin-1")
            elif message["type"] == "http.response.body":
                captured["chunks"].append(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, replay_receive, capture)
        finally:
            await self._store(db, scope_id, captured)

    async def _store(self, db: Database, scope_id: str, captured: dict[str, Any]) -> None:
        body = b"".join(captured["chunks"])
        async with db.transaction() as session:
            where = IDEMPOTENCY_KEYS.c.scope == scope_id
            if not 200 <= captured["status"] < 300 or len(body) > MAX_STORED_BODY:
                await session.execute(delete(IDEMPOTENCY_KEYS).where(where))
                return
            await session.execute(
                update(IDEMPOTENCY_KEYS)
                .where(where)
                .values(
                    status_code=captured["status"],
                    content_type=captured["content_type"],
                    body=body.decode("utf-8", "replace"),
                    completed_at=_wall_now(),
                )
            )


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _digest(*parts: str) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


async def _answer(stored: dict[str, Any], scope: Scope, receive: Receive, send: Send) -> None:
    if "problem" in stored:
        await problem_response(Problem(stored["problem"], status=409, code="conflict"), scope["path"])(
            scope, receive, send
        )
        return
    body = (stored["body"] or "").encode()
    headers = [(b"content-length", str(len(body)).encode()), (b"idempotent-replayed", b"true")]
    if stored["content_type"]:
        headers.append((b"content-type", stored["content_type"].encode("latin-1")))
    await send({"type": "http.response.start", "status": stored["status_code"], "headers": headers})
    await send({"type": "http.response.body", "body": body})
