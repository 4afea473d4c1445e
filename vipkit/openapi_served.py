"""A service's OpenAPI document built apart and served as bytes (issue 17: idle RSS).

Building the document in the service process leaves ~2–3 MB resident for good (the dict and what
FastAPI and pydantic cache while generating the schemas), although nothing but ``/openapi.json``
(fetched by the gateway for its merged docs) ever needs it. At start-up, before serving, a forked
child builds it and hands back its JSON bytes; the parent serves those bytes at ``openapi_url``
(~0.2 MB). ``app.openapi()`` still builds the dict in-process when called (tests, tools).
Where ``os.fork`` is missing, or the child fails, the document is built in-process as before.
"""

from __future__ import annotations

import logging
import os
import select
import signal
import time

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.routing import Route

log = logging.getLogger("vipkit.openapi")

#: How long start-up waits for the child's document before building it in-process.
BUILD_TIMEOUT_S = 60.0


def build_apart(app: FastAPI) -> bytes | None:
    """The document's JSON built in a forked child (None: it could not be)."""
    if not hasattr(os, "fork"):
        return None
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError as exc:
        os.close(read_fd)
        os.close(write_fd)
        log.warning("OpenAPI document not built apart (no fork); building it in-process", extra={"error": repr(exc)})
        return None
    if pid == 0:  # the child: build, write, leave without running anything of the parent's
        code = 1
        try:
            os.close(read_fd)
            with os.fdopen(write_fd, "wb") as out:
                out.write(JSONResponse(app.openapi()).body)  # the bytes FastAPI's own route sends
            code = 0
        finally:
            os._exit(code)
    os.close(write_fd)
    document = _read_within(read_fd, BUILD_TIMEOUT_S)
    if document is None:  # a child stuck (say, on a lock another thread held at the fork): not waited for
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if status != 0 or not document:
        log.warning("OpenAPI document not built apart; building it in-process", extra={"status": status})
        return None
    return document


def _read_within(fd: int, timeout: float) -> bytes | None:
    """Everything written to ``fd`` until its end, or None when that takes longer than ``timeout``."""
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    with os.fdopen(fd, "rb", buffering=0) as source:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([source], [], [], left)[0]:
                return None
            chunk = source.read(1 << 16)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def serve_document(app: FastAPI, document: bytes) -> None:
    """Answer ``openapi_url`` with ``document`` instead of FastAPI's route (which builds the dict)."""

    async def openapi_json(_request: Request) -> Response:
        return Response(document, media_type="application/json")

    routes = app.router.routes
    for i, route in enumerate(routes):
        if isinstance(route, Route) and route.path == app.openapi_url:
            routes[i] = Route(app.openapi_url, openapi_json, methods=["GET", "HEAD"], include_in_schema=False)


def prepare_document(app: FastAPI) -> None:
    """Before serving: the document built apart and served as bytes, else built in-process."""
    document = build_apart(app) if app.openapi_url and app.openapi_schema is None else None
    if document is None:
        app.openapi()
    else:
        serve_document(app, document)
