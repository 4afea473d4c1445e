"""vipkit.openapi_served: a service's OpenAPI document built in a forked child before serving, its
bytes served at ``/openapi.json`` — the same bytes FastAPI's own route would send; without a fork,
the document is built in-process as before."""

from __future__ import annotations

import os

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from vipkit import openapi_served


class Visit(BaseModel):
    clinic: str
    note: str = "回访"


def make_app() -> FastAPI:
    app = FastAPI(title="预约", description="体检预约服务")

    @app.post("/visits", summary="预约一次体检")
    async def create_visit(visit: Visit) -> Visit:
        return visit

    return app


async def get(app: FastAPI, path: str) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        return await client.get(path)


async def test_the_document_built_apart_is_served_as_the_bytes_fastapi_would_send() -> None:
    expected = JSONResponse(make_app().openapi()).body
    app = make_app()
    openapi_served.prepare_document(app)
    assert app.openapi_schema is None  # nothing of it built in this process
    response = await get(app, "/openapi.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.content == expected
    assert (await get(app, "/docs")).status_code == 200
    assert app.openapi() == response.json()  # the in-process build still works (tests, tools)


async def test_without_a_fork_the_document_is_built_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise OSError("fork refused")

    monkeypatch.setattr(os, "fork", no_fork)
    app = make_app()
    openapi_served.prepare_document(app)
    assert app.openapi_schema is not None
    assert (await get(app, "/openapi.json")).content == JSONResponse(make_app().openapi()).body


async def test_a_child_that_does_not_answer_in_time_is_killed_and_the_document_built_in_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app()
    original = app.openapi

    def stuck() -> dict[str, object]:
        if os.getpid() != parent:  # the child hangs, as on a lock held at the fork
            import time

            time.sleep(3600)
        return original()

    parent = os.getpid()
    monkeypatch.setattr(app, "openapi", stuck)
    monkeypatch.setattr(openapi_served, "BUILD_TIMEOUT_S", 1.0)
    openapi_served.prepare_document(app)
    assert app.openapi_schema is not None  # built in-process after the child was given up
    assert (await get(app, "/openapi.json")).content == JSONResponse(make_app().openapi()).body
