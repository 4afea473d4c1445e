"""Tiering runs (SPEC 7, 7.3): production runs are strict and robust; time travel gives every customer a timeline.

Production (the real clock, ``VIP_TEST_CLOCK`` off): idempotent per date, never ahead of today, never
backwards, and every date missed since the last finished run is run first, in order. Time travel
(``VIP_TEST_CLOCK=1``): independent scenarios run their dates on one stack in any order.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import httpx
from fastapi import FastAPI

from services.tiering.jobs import daily_jobs
from services.tiering.programs import load_program
from services.tiering.tests.conftest import (
    OPS,
    customer_headers,
    make_app,
    new_customer,
    new_policy_no,
    ops_at,
    outbox,
    policy_body,
)
from vipkit import clock
from vipkit.db import Database
from vipkit.scheduler import Scheduler
from vipkit.testing import app_client

D = dt.date
STARS = load_program("stars")


def local(day: dt.date, hour: int = 10) -> dt.datetime:
    return clock.local_datetime(day, hour)


async def run(client: httpx.AsyncClient, as_of: str, **headers: str) -> httpx.Response:
    return await client.post("/api/v1/tiering/runs", json={"as_of": as_of}, headers={**OPS, **headers})


async def tier(client: httpx.AsyncClient, customer: str) -> dict[str, Any]:
    res = await client.get(f"/api/v1/customers/{customer}/tier", headers=OPS)
    assert res.status_code == 200, res.text
    return dict(res.json())


async def run_for(client: httpx.AsyncClient, as_of: str, customer_ids: list[str]) -> httpx.Response:
    body = {"as_of": as_of, "customer_ids": customer_ids}
    return await client.post("/api/v1/tiering/runs", json=body, headers=OPS)


def four_star_bodies(customer: str, effective: dt.date) -> list[tuple[str, dict[str, Any]]]:
    """Two 60,000 policies (120,000: 4★); lapsing the second leaves 60,000, below the 4★ bound."""
    bodies = []
    for _ in range(2):
        bodies.append(
            (
                new_policy_no(),
                policy_body(
                    customer,
                    annual_premium="60000.00",
                    payment_years=10,
                    effective_date=effective.isoformat(),
                    cooling_off_end=None,
                    underwritten_at=f"{(effective - dt.timedelta(days=1)).isoformat()}T15:30:00+08:00",
                ),
            )
        )
    return bodies


async def four_star_then_lapse(
    client: httpx.AsyncClient, customer: str, bought: dt.date, lapsed: dt.date, *, test_now: bool
) -> None:
    """Scenario set-up: 4★ bought on ``bought`` (formal at once: effective 30 days earlier), a lapse on ``lapsed``."""
    (first, body1), (second, body2) = four_star_bodies(customer, bought - dt.timedelta(days=30))
    for day, policy_no, body in (
        (bought, first, body1),
        (bought, second, body2),
        (lapsed, second, {**body2, "status": "lapsed"}),
    ):
        if test_now:
            res = await client.put(f"/api/v1/policies/{policy_no}", json=body, headers=ops_at(day))
        else:
            with clock.frozen(local(day)):
                res = await client.put(f"/api/v1/policies/{policy_no}", json=body, headers=OPS)
        assert res.status_code in (200, 201), res.text


# --- production: the real clock ----------------------------------------------------------------------
async def test_runs_idempotent_per_date_and_only_forward(db_url: str) -> None:
    app = make_app(db_url, test_clock=False)
    async with app_client(app) as client:
        with clock.frozen(local(D(2026, 5, 9))):
            await client.put(f"/api/v1/policies/{new_policy_no()}", json=policy_body(new_customer()), headers=OPS)
        with clock.frozen(local(D(2026, 5, 26))):
            first = await run(client, "2026-05-24")
            assert first.status_code == 200 and first.json()["replayed"] is False and first.json()["changed"] == 1
            events = await outbox(app)
            again = await run(client, "2026-05-24")
            assert again.json()["replayed"] is True and again.json()["evaluated"] == first.json()["evaluated"]
            assert await outbox(app) == events
            back = await run(client, "2026-05-20")
            assert back.status_code == 409 and back.json()["code"] == "conflict"
            bad = await run(client, "2026-02-30")
            assert bad.status_code == 422
            forbidden = await client.post(
                "/api/v1/tiering/runs", json={"as_of": "2026-05-25"}, headers=customer_headers(new_customer())
            )
            assert forbidden.status_code == 403


async def test_a_run_after_today_is_refused_under_the_real_clock(db_url: str) -> None:
    """An operator's typo (2062 for 2026) sends no notice now and blocks no later run."""
    app = make_app(db_url, test_clock=False)
    customer = new_customer()
    async with app_client(app) as client:
        await four_star_then_lapse(client, customer, D(2026, 5, 1), D(2026, 5, 20), test_now=False)
        with clock.frozen(local(D(2026, 6, 2))):
            typo = await run(client, "2062-06-02")
            assert typo.status_code == 422 and typo.json()["code"] == "validation_error"
            assert typo.json()["field"] == "as_of" and typo.json()["today"] == "2026-06-02"
            tomorrow = await run(client, "2026-06-03")
            assert tomorrow.status_code == 422
            assert [e["data"]["template"] for e in await outbox(app, "notification.requested.v1")] == [
                "tier_upgrade"
            ] * 2
            today = await run(client, "2026-06-02")
            assert today.status_code == 200 and today.json()["replayed"] is False, today.text
        with clock.frozen(local(D(2026, 6, 30), 1)):  # the scheduled review is not blocked
            review = await run(client, "2026-06-30")
            assert review.status_code == 200 and len(review.json()["caught_up"]) == 27  # 06-03 .. 06-29
        assert (await tier(client, customer))["status"] == "grace"


async def test_the_scheduler_runs_every_missed_date_in_order_before_todays_and_the_review_is_not_lost(
    db_url: str,
) -> None:
    """Down over the 30 Jun review: the 1 Jul run first runs 30 Jun (notice, grace), then 1 Jul."""
    app = make_app(db_url, test_clock=False)
    customer = new_customer()
    async with app_client(app) as client:
        await four_star_then_lapse(client, customer, D(2026, 5, 1), D(2026, 6, 20), test_now=False)
        db: Database = app.state.db
        scheduler = Scheduler(db, daily_jobs(app.state.tiering))
        with clock.frozen(local(D(2026, 6, 28), 0)):
            assert await scheduler.tick(local(D(2026, 6, 28), 0) + dt.timedelta(minutes=30)) == ["tiering-daily-run"]
        # down from 28 Jun 00:31 until 1 Jul 09:00
        with clock.frozen(local(D(2026, 7, 1), 9)):
            assert await scheduler.tick(local(D(2026, 7, 1), 9)) == ["tiering-daily-run"]
            today = await run(client, "2026-07-01")
        assert today.json()["replayed"] is True
        state = await tier(client, customer)
        assert (state["tier"], state["status"]) == ("star_4", "grace")
        assert state["pending_downgrade"] == {"to": "star_3", "at": "2026-09-30"}
        history = (await client.get(f"/api/v1/customers/{customer}/tier/history", headers=OPS)).json()["items"]
        last = history[-1]
        effective = dt.datetime.fromisoformat(last["effective_at"].replace("Z", "+00:00")).astimezone(clock.SHANGHAI)
        assert (last["kind"], effective.date()) == ("pre_downgrade", D(2026, 6, 30))
        notices = await outbox(app, "notification.requested.v1", customer)
        assert [e["data"]["template"] for e in notices] == ["tier_upgrade", "tier_upgrade", "tier_pre_downgrade"]


async def test_run_with_an_idempotency_key_replays_its_first_answer(db_url: str) -> None:
    """vipkit.idempotency on the run POST: the same key and body answer the first result again
    (`Idempotent-Replayed: true`, not the run's own `replayed`); the same key with another body is a 409."""
    app = make_app(db_url, test_clock=False)
    async with app_client(app) as client:
        with clock.frozen(local(D(2026, 5, 9))):
            await client.put(f"/api/v1/policies/{new_policy_no()}", json=policy_body(new_customer()), headers=OPS)
        with clock.frozen(local(D(2026, 5, 26))):
            first = await run(client, "2026-05-24", **{"Idempotency-Key": "run-0524"})
            assert first.status_code == 200 and first.json()["replayed"] is False and first.json()["changed"] == 1
            again = await run(client, "2026-05-24", **{"Idempotency-Key": "run-0524"})
            assert again.status_code == 200 and again.json() == first.json()
            assert again.headers["idempotent-replayed"] == "true"
            other = await run(client, "2026-05-25", **{"Idempotency-Key": "run-0524"})
            assert other.status_code == 409 and other.json()["code"] == "conflict"
            unkeyed = await run(client, "2026-05-24")
            assert unkeyed.json()["replayed"] is True  # the date's own once-only rule


async def test_ops_catch_up_a_missed_review_date(db_url: str) -> None:
    """Runs off (an external scheduler failed): ops run the missed 30 Jun, then 2 Jul catches up 1 Jul."""
    app = make_app(db_url, test_clock=False)
    customer = new_customer()
    async with app_client(app) as client:
        await four_star_then_lapse(client, customer, D(2026, 5, 1), D(2026, 6, 20), test_now=False)
        with clock.frozen(local(D(2026, 7, 1), 11)):
            assert (await run(client, "2026-06-29")).status_code == 200
            missed = await run(client, "2026-06-30")
            assert missed.status_code == 200 and missed.json()["caught_up"] == []
        assert (await tier(client, customer))["status"] == "grace"
        with clock.frozen(local(D(2026, 7, 2), 11)):
            later = await run(client, "2026-07-02")
            assert later.json()["caught_up"] == ["2026-07-01"]
        runs_changed = [e["data"]["template"] for e in await outbox(app, "notification.requested.v1", customer)]
        assert runs_changed == ["tier_upgrade", "tier_upgrade", "tier_pre_downgrade"]


# --- time travel: the test clock ---------------------------------------------------------------------
async def test_time_travel_scenarios_with_interleaved_dates_on_one_stack(db_url: str) -> None:
    """Scenario A runs 2026-09-30, then scenario B runs 2026-03-31 for its own customers and gets its review."""
    app: FastAPI = make_app(db_url)  # VIP_TEST_CLOCK=1
    a, b = new_customer(), new_customer()
    async with app_client(app) as client:
        await four_star_then_lapse(client, a, D(2026, 8, 1), D(2026, 9, 15), test_now=True)
        run_a = await run(client, "2026-09-30")
        assert run_a.status_code == 200 and run_a.json()["changed"] == 1
        assert (await tier(client, a))["pending_downgrade"] == {"to": "star_3", "at": "2026-12-31"}

        await four_star_then_lapse(client, b, D(2026, 2, 1), D(2026, 3, 15), test_now=True)
        run_b = await run(client, "2026-03-31")
        assert run_b.status_code == 200, run_b.text
        assert run_b.json()["changed"] == 1 and run_b.json()["skipped"] >= 1  # A's timeline is past it
        state_b = await tier(client, b)
        assert (state_b["status"], state_b["pending_downgrade"]) == ("grace", {"to": "star_3", "at": "2026-06-30"})
        assert (await tier(client, a))["pending_downgrade"] == {"to": "star_3", "at": "2026-12-31"}  # untouched

        # both scenarios go on at once, each with its own next review (customer_ids: in parallel, a
        # scenario moves only its own customers)
        end_a, end_b = await asyncio.gather(
            run_for(client, "2026-12-31", [a]), run_for(client, "2026-06-30", [b, new_customer()])
        )
        assert end_a.status_code == end_b.status_code == 200
        for customer, day in ((a, "2026-12-31"), (b, "2026-06-30")):
            state = await tier(client, customer)
            assert (state["tier"], state["status"], state["since"]) == ("star_3", "confirmed", day)
            notices = await outbox(app, "notification.requested.v1", customer)
            assert [e["data"]["template"] for e in notices] == [
                "tier_upgrade",
                "tier_upgrade",
                "tier_pre_downgrade",
                "tier_downgrade",
            ]
        # a date run again for a customer already past it changes nothing; A's own timeline never goes back
        before = await outbox(app)
        assert (await run(client, "2026-09-30")).json()["changed"] == 0
        assert await outbox(app) == before


async def test_a_run_for_some_customers_only_is_refused_under_the_real_clock(db_url: str) -> None:
    async with app_client(make_app(db_url, test_clock=False)) as client:
        res = await run_for(client, "2026-05-01", [new_customer()])
        assert res.status_code == 422 and res.json()["field"] == "customer_ids"


# --- the rules through runs, on both databases (PostgreSQL runs rate set-wise) -------------------------
async def test_levels_a_loan_waits_for_the_next_review_date_only_the_end_of_the_last_policy_drops_next_day(
    db_url: str,
) -> None:
    """SPEC 2.3 / 001 Q&A: a policy loan lowers the level on 31 Dec, not the next day."""
    app = make_app(db_url, "levels")
    loaned, ended = new_customer(), new_customer()
    body: dict[str, Any] = {
        "annual_premium": "70000.00",
        "payment_years": 20,
        "effective_date": "2025-03-01",
        "cooling_off_end": None,
    }
    async with app_client(app) as client:
        for customer in (loaned, ended):
            policy_no = f"P{customer}"
            res = await client.put(
                f"/api/v1/policies/{policy_no}", json=policy_body(customer, **body), headers=ops_at(D(2026, 8, 1))
            )
            assert res.status_code == 201, res.text
            change = {"loan_or_pledge": True} if customer == loaned else {"status": "surrendered"}
            res = await client.put(
                f"/api/v1/policies/{policy_no}",
                json=policy_body(customer, **body, **change),
                headers=ops_at(D(2026, 8, 10)),
            )
            assert res.status_code == 200, res.text
        assert (await run(client, "2026-08-11")).status_code == 200
        assert ((await tier(client, loaned))["tier"], (await tier(client, ended))["tier"]) == ("gold", "none")
        assert (await run(client, "2026-12-31")).status_code == 200
        state = await tier(client, loaned)
        assert (state["tier"], state["status"], state["since"]) == ("none", "invalid", "2026-12-31")
    [change] = [e["data"] for e in await outbox(app, "tier.changed.v1", loaned) if e["data"]["to_tier"] == "none"]
    assert change["reason"] == "invalidated"
    sms = [e["data"] for e in await outbox(app, "notification.requested.v1", loaned)]
    assert [s["template"] for s in sms] == ["tier_upgrade", "tier_invalidated"]
    assert "已无有效保单" not in sms[-1]["text"] and "不符合" in sms[-1]["text"]
    ended_sms = [e["data"] for e in await outbox(app, "notification.requested.v1", ended)]
    assert "已无有效保单" in ended_sms[-1]["text"]
