"""vipkit.deps and vipkit.context: the building blocks of every service's ``deps.py`` and ``context.py``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import httpx
import pytest
from fastapi import Depends, FastAPI

from vipkit.context import ServiceContext
from vipkit.db import Database
from vipkit.deps import state_dependency
from vipkit.settings import CommonSettings


@dataclass(kw_only=True)
class DemoContext(ServiceContext):
    greeting: str


DemoDep = Annotated[DemoContext, Depends(state_dependency("demo", DemoContext))]


def demo_app() -> FastAPI:
    app = FastAPI()

    @app.get("/greeting")
    async def greeting(ctx: DemoDep) -> dict[str, str]:
        return {"greeting": ctx.greeting}

    return app


async def get(app: FastAPI, path: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=True)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.get(path)


async def test_a_router_gets_the_typed_context_the_app_factory_set() -> None:
    app = demo_app()
    app.state.demo = DemoContext(common=CommonSettings(env="test"), greeting="您好")
    assert (await get(app, "/greeting")).json() == {"greeting": "您好"}


async def test_a_missing_or_mistyped_context_is_a_clear_error_naming_it() -> None:
    app = demo_app()
    with pytest.raises(RuntimeError, match=r"app.state.demo is not a DemoContext"):
        await get(app, "/greeting")
    app.state.demo = {"greeting": "a dict is not the context"}
    with pytest.raises(RuntimeError, match=r"app.state.demo is not a DemoContext"):
        await get(app, "/greeting")


async def test_the_database_is_there_once_started(tmp_path: object) -> None:
    ctx = DemoContext(common=CommonSettings(env="test"), greeting="hi")
    with pytest.raises(RuntimeError, match="DemoContext not started"):
        _ = ctx.database
    app = FastAPI()
    app.state.db = db = Database(f"sqlite+aiosqlite:///{tmp_path}/deps.db")
    try:
        await ctx.start(app)
        assert ctx.database is db
    finally:
        await db.dispose()
