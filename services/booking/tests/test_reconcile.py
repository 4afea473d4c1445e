"""Booking's half of the reservation comparison (reconcile.py): a settled booking or opinion whose
ledger job is dead or missing is repaired, a live one whose unit entitlements released is reported;
on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from services.booking.reconcile import compare_reservations
from services.booking.tests.conftest import OPS, Env, customer_headers, new_customer

MON_0928 = "2026-09-28T10:00:00+08:00"
NO_WAIT = dt.timedelta(0)


async def rejected_while_entitlements_down(env: Env) -> tuple[str, str]:
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    env.standin.down = True
    assert (await env.partner_webhook("booking.rejected", booking_id)).status_code == 200
    env.standin.down = False
    return booking_id, (await env.get_booking(booking_id))["reservation_id"]


async def execute(env: Env, sql: str) -> None:
    async with env.db.transaction() as session:
        await session.execute(text(sql))


async def compare(env: Env) -> dict[str, int]:
    return await compare_reservations(env.app.state.booking, live_after=NO_WAIT)


async def test_a_dead_ledger_job_of_a_still_reserved_unit_is_run_again_and_releases_it(env: Env) -> None:
    booking_id, reservation_id = await rejected_while_entitlements_down(env)
    await execute(env, "UPDATE durable_jobs SET state = 'dead'")  # given up (72 h passed, or a refusal)
    assert env.standin.reservations[reservation_id]["status"] == "reserved"
    figures = await compare(env)
    assert (figures["revived"], figures["requeued"]) == (1, 0), figures
    assert await env.scalar("SELECT state FROM durable_jobs WHERE kind LIKE '%.ledger'") == "pending"
    assert await env.run_jobs() == 1
    assert env.standin.reservations[reservation_id]["status"] == "released"
    assert (await env.get_booking(booking_id))["ledger"]["done"] is True
    assert (await compare(env))["revived"] == 0  # repaired: nothing left to do


async def test_a_missing_ledger_job_is_enqueued_again(env: Env) -> None:
    booking_id, reservation_id = await rejected_while_entitlements_down(env)
    await execute(env, "DELETE FROM durable_jobs WHERE kind LIKE '%.ledger'")  # lost (e.g. written before jobs existed)
    figures = await compare(env)
    assert figures["requeued"] == 1, figures
    assert await env.run_jobs() == 1
    assert env.standin.reservations[reservation_id]["status"] == "released"
    assert (await env.get_booking(booking_id))["ledger"]["done"] is True


async def test_a_dead_job_whose_unit_was_settled_the_same_way_meanwhile_is_recorded_done(env: Env) -> None:
    booking_id, reservation_id = await rejected_while_entitlements_down(env)
    env.standin.reservations[reservation_id]["status"] = "released"  # ops released it at entitlements
    await execute(env, "UPDATE durable_jobs SET state = 'dead'")
    figures = await compare(env)
    assert (figures["already_settled"], figures["revived"]) == (1, 0), figures
    assert (await env.get_booking(booking_id))["ledger"]["done"] is True


async def test_a_unit_settled_the_other_way_is_left_dead_for_ops(env: Env) -> None:
    _, reservation_id = await rejected_while_entitlements_down(env)
    env.standin.reservations[reservation_id]["status"] = "consumed"
    await execute(env, "UPDATE durable_jobs SET state = 'dead'")
    figures = await compare(env)
    assert (figures["conflicts"], figures["revived"]) == (1, 0), figures
    assert await env.scalar("SELECT state FROM durable_jobs WHERE kind LIKE '%.ledger'") == "dead"
    assert env.standin.reservations[reservation_id]["status"] == "consumed"


async def test_a_live_booking_whose_unit_entitlements_released_is_reported_not_cancelled(env: Env) -> None:
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    reservation_id = (await env.get_booking(booking_id))["reservation_id"]
    assert (await compare(env))["unheld"] == 0
    env.standin.reservations[reservation_id]["status"] = "released"
    figures = await compare(env)
    assert figures["unheld"] == 1, figures
    assert (await env.get_booking(booking_id))["status"] == "pending"  # never cancelled behind the customer


async def test_a_cancelled_second_opinion_with_a_dead_job_gets_its_unit_released(env: Env) -> None:
    c = new_customer()
    r = await env.client.post(
        "/api/v1/second-opinions",
        json={"customer_id": c, "diagnosis": "肺部结节"},
        headers=customer_headers(c, MON_0928),
    )
    assert r.status_code == 201, r.text
    request_id = r.json()["request_id"]
    env.standin.down = True
    cancel = await env.client.post(f"/api/v1/second-opinions/{request_id}/cancel", headers=OPS)
    assert cancel.status_code == 200 and cancel.json()["status"] == "cancelled"
    env.standin.down = False
    await execute(env, "UPDATE durable_jobs SET state = 'dead'")
    [reservation] = env.standin.with_status("reserved", c)
    figures = await compare(env)
    assert figures["revived"] == 1, figures
    assert await env.run_jobs() == 1
    assert env.standin.reservations[reservation["reservation_id"]]["status"] == "released"


async def test_entitlements_unreachable_changes_nothing(env: Env) -> None:
    await rejected_while_entitlements_down(env)
    await execute(env, "UPDATE durable_jobs SET state = 'dead'")
    env.standin.down = True
    figures = await compare(env)
    assert figures["checked"] == 1 and figures["revived"] == 0, figures
    assert await env.scalar("SELECT state FROM durable_jobs WHERE kind LIKE '%.ledger'") == "dead"
