"""Issue 12: entitlements releases a unit reserved for longer than the bound that no booking or
second opinion holds (booking answers by reference over HTTP); a held one is never touched."""

from __future__ import annotations

import datetime as dt

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from services.entitlements import jobs
from services.entitlements import repository as repo
from services.entitlements.catalog import load_catalog
from services.entitlements.context import EntitlementsContext
from services.entitlements.models import Reservation
from services.entitlements.tests.conftest import make_app, new_customer, set_tier, staff_headers
from vipkit import clock, durable
from vipkit.db import Database
from vipkit.http import InternalClient
from vipkit.plumbing import durable_jobs_table
from vipkit.testing import app_client, serve_app, wait_for

LEVELS = load_catalog("levels")
NOW = "2026-06-01T10:00"


def booking_standin(held: set[str], asked: list[str]) -> FastAPI:
    """Booking's ``GET /api/v1/internal/reservation-holders/{reference}`` as booking answers it."""
    app = FastAPI()

    @app.get("/api/v1/internal/reservation-holders/{reference}")
    async def holder(reference: str) -> dict[str, object]:
        asked.append(reference)
        return {"reference": reference, "held": reference in held, "by": "booking" if reference in held else None}

    return app


async def test_an_unheld_reservation_is_released_after_the_bound_and_a_held_one_is_kept(db_url: str) -> None:
    c1, c2 = new_customer(), new_customer()
    app = make_app(db_url, "levels")
    db = Database(db_url)
    asked: list[str] = []
    try:
        for c in (c1, c2):
            await set_tier(db, LEVELS, c, "gold", 1, "2026-01-10T10:00")
        async with app_client(app) as client:
            ids = {}
            for c, ref in ((c1, "BKGONE"), (c2, "BKHELD")):
                body = {"customer_id": c, "service_code": "dental_cleaning", "beneficiary_id": None, "reference": ref}
                r = await client.post(
                    "/api/v1/reservations", json=body, headers=staff_headers(NOW) | {"Idempotency-Key": f"k-{ref}"}
                )
                assert r.status_code == 201, r.text
                ids[ref] = r.json()["reservation_id"]
            async with serve_app(booking_standin({"BKHELD"}, asked)) as booking_url:
                from vipkit.settings import CommonSettings

                booking = InternalClient(booking_url, CommonSettings(), service="entitlements")
                made = clock.parse_test_now(NOW + ":00+08:00")
                try:
                    early = await jobs.release_orphans(
                        db, booking, older_than_minutes=10, now=made + dt.timedelta(minutes=5)
                    )
                    assert early == {"checked": 0, "released": 0, "skipped": 0}  # within the bound: untouched
                    late = await jobs.release_orphans(
                        db, booking, older_than_minutes=10, now=made + dt.timedelta(minutes=11)
                    )
                    again = await jobs.release_orphans(
                        db, booking, older_than_minutes=10, now=made + dt.timedelta(minutes=12)
                    )
                finally:
                    await booking.aclose()
            assert late == {"checked": 2, "released": 1, "skipped": 0}
            assert again == {"checked": 1, "released": 0, "skipped": 0}  # released once, never twice
            assert sorted(set(asked)) == ["BKGONE", "BKHELD"]
            for ref, status in (("BKGONE", "released"), ("BKHELD", "reserved")):
                r = await client.get(f"/api/v1/reservations/{ids[ref]}", headers=staff_headers(NOW))
                assert r.json()["status"] == status, ref
    finally:
        await db.dispose()


async def test_a_booking_that_cannot_be_asked_leaves_the_reservation_for_the_next_pass(db_url: str) -> None:
    c = new_customer()
    db = Database(db_url)
    try:
        await set_tier(db, LEVELS, c, "gold", 1, "2026-01-10T10:00")
        async with app_client(make_app(db_url, "levels")) as client:
            body = {"customer_id": c, "service_code": "dental_cleaning", "beneficiary_id": None, "reference": "BKX"}
            r = await client.post(
                "/api/v1/reservations", json=body, headers=staff_headers(NOW) | {"Idempotency-Key": "k-x"}
            )
            assert r.status_code == 201
        from vipkit.broker import free_port
        from vipkit.settings import CommonSettings

        booking = InternalClient(f"http://127.0.0.1:{free_port()}", CommonSettings(), service="entitlements")
        try:
            later = clock.parse_test_now(NOW + ":00+08:00") + dt.timedelta(hours=1)
            assert await jobs.release_orphans(db, booking, older_than_minutes=10, now=later) == {
                "checked": 1,
                "released": 0,
                "skipped": 1,
            }
        finally:
            await booking.aclose()
    finally:
        await db.dispose()


def watching_app(db_url: str, booking_url: str, orphan_after_minutes: float) -> FastAPI:
    """The entitlements service with its orphan watch running every 0.2 s."""
    from services.entitlements.main import create_app
    from services.entitlements.settings import EntitlementsSettings
    from services.entitlements.tests.conftest import common_for

    settings = EntitlementsSettings(
        database_url=db_url,
        tiering_url="http://127.0.0.1:9",
        booking_url=booking_url,
        orphan_after_minutes=orphan_after_minutes,
        orphan_check_seconds=0.2,
    )
    return create_app(settings, common_for("levels", scheduler="on", scheduler_first_tick_s=3600))


async def reserve(client: httpx.AsyncClient, customer: str, reference: str) -> str:
    body = {"customer_id": customer, "service_code": "dental_cleaning", "beneficiary_id": None, "reference": reference}
    headers = staff_headers(NOW) | {"Idempotency-Key": f"k-{reference}"}
    r = await client.post("/api/v1/reservations", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return str(r.json()["reservation_id"])


async def test_the_running_service_releases_an_orphan_by_itself_with_the_scheduler_on(db_url: str) -> None:
    """The pass is not only callable: the service runs it every ``orphan_check_seconds`` (issue 12)."""
    c = new_customer()
    db = Database(db_url)
    asked: list[str] = []
    try:
        await set_tier(db, LEVELS, c, "gold", 1, "2026-01-10T10:00")
        async with serve_app(booking_standin(set(), asked)) as booking_url:
            app = watching_app(db_url, booking_url, orphan_after_minutes=0.001)
            async with app_client(app) as client:
                reservation = await reserve(client, c, "BKO")

                async def released() -> bool:
                    got = await client.get(f"/api/v1/reservations/{reservation}", headers=staff_headers(NOW))
                    return bool(got.json()["status"] == "released")

                await wait_for(released, timeout=30, interval=0.2, what="the orphan released by the service itself")
            assert "BKO" in asked
            assert app.state.orphan_watch.passes >= 1
    finally:
        await db.dispose()


async def test_the_watch_ages_a_reservation_on_its_own_clock_not_on_the_requests_test_clock(db_url: str) -> None:
    """A reservation made under a test clock months before the wall clock is not an orphan candidate
    at the watch's first passes: its age counts from when a pass first saw it (``watch_seen_at``,
    wall clock, in the database), and the pass is a recurring durable job (issue 12)."""
    c = new_customer()
    db = Database(db_url)
    asked: list[str] = []
    try:
        await set_tier(db, LEVELS, c, "gold", 1, "2026-01-10T10:00")
        async with serve_app(booking_standin(set(), asked)) as booking_url:
            app = watching_app(db_url, booking_url, orphan_after_minutes=0.2)  # 12 s on the watch's clock
            async with app_client(app) as client:
                reservation = await reserve(client, c, "BKT")
                watch = app.state.orphan_watch
                seen_at = watch.passes
                await wait_for(lambda: watch.passes >= seen_at + 3, timeout=10, interval=0.1, what="three passes")
                status = (await client.get(f"/api/v1/reservations/{reservation}", headers=staff_headers(NOW))).json()
                assert status["status"] == "reserved" and asked == []  # months old by its created_at, yet young

                async def released() -> bool:
                    got = await client.get(f"/api/v1/reservations/{reservation}", headers=staff_headers(NOW))
                    return bool(got.json()["status"] == "released")

                await wait_for(released, timeout=45, interval=0.2, what="the orphan released after its bound")
            assert asked == ["BKT"]
        async with db.sessionmaker() as session:
            job = (
                await session.execute(
                    select(durable_jobs_table.c.state, durable_jobs_table.c.dedupe_key).where(
                        durable_jobs_table.c.kind == jobs.ORPHAN_JOB
                    )
                )
            ).one()
        assert job.dedupe_key == f"every:{jobs.ORPHAN_JOB}" and job.state in ("pending", "running")
    finally:
        await db.dispose()


async def test_a_units_orphan_age_is_shared_by_every_replica_and_survives_a_restart(db_url: str) -> None:
    """The pass that first sees a unit reserved stamps it in the database: another replica's pass (or
    the same service after a restart) releases it once the bound has passed, without starting the
    age again (issue 12: the pass is a recurring job that any replica may claim)."""
    c = new_customer()
    db = Database(db_url)
    asked: list[str] = []
    try:
        await set_tier(db, LEVELS, c, "gold", 1, "2026-01-10T10:00")
        async with serve_app(booking_standin(set(), asked)) as booking_url:
            app = make_app(db_url, "levels")
            async with app_client(app) as client:
                reservation = await reserve(client, c, "BKR")
                ctx: EntitlementsContext = app.state.entitlements
                settings = ctx.settings.model_copy(update={"booking_url": booking_url, "orphan_after_minutes": 0.02})
                replica = EntitlementsContext(settings=settings, common=ctx.common, catalog=ctx.catalog, db=ctx.db)
                first, second = jobs.OrphanWatch(replica), jobs.OrphanWatch(replica)
                try:
                    assert await first.pass_once() == {"checked": 0, "released": 0, "skipped": 0}  # just seen
                    async with db.sessionmaker() as session:
                        assert await repo.reserved_seen_before(session, durable.utcnow()) == [(reservation, "BKR")]

                    seen = await reservation_seen_at(db, reservation)
                    await wait_for(lambda: durable.utcnow() - seen >= dt.timedelta(minutes=0.02), what="the bound")
                    outcome = await second.pass_once()  # its first pass: the age is not started again
                    assert outcome == {"checked": 1, "released": 1, "skipped": 0} and asked == ["BKR"]
                finally:
                    await first.stop(app)
                    await second.stop(app)
    finally:
        await db.dispose()


async def reservation_seen_at(db: Database, reservation_id: str) -> dt.datetime:
    async with db.sessionmaker() as session:
        row = await session.get(Reservation, reservation_id)
        assert row is not None and row.watch_seen_at is not None
        return row.watch_seen_at
