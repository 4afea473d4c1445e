"""Reconciliation (SPEC 3.1): tiering's current tiers repair drifted grants; a repair is idempotent.

Tiering is another team's service built in parallel, so these tests serve a small **contract
stand-in** of its ``GET /api/v1/tiers`` endpoint (docs/internal-apis.md: staff only, paged by
customer id with ``after`` and ``limit``) over real HTTP from fixed data.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query
from sqlalchemy import update

from services.entitlements import jobs
from services.entitlements.catalog import load_catalog
from services.entitlements.models import Grant
from services.entitlements.tests.conftest import at, customer_headers, make_app, new_customer, set_tier, staff_headers
from vipkit.auth import Identity, internal_or_staff
from vipkit.db import Database
from vipkit.pagination import decode_cursor, page
from vipkit.problems import install_problem_handlers
from vipkit.settings import CommonSettings
from vipkit.testing import TEST_JWT_SECRET, app_client, serve_app

STARS = load_catalog("stars")


def tiering_contract_stand_in(items: list[dict[str, Any]]) -> FastAPI:
    """CONTRACT STAND-IN for tiering's ``GET /api/v1/tiers`` (fixed data; not the tiering service)."""
    app = FastAPI(title="tiering contract stand-in")
    app.state.common_settings = CommonSettings(env="test", jwt_secret=TEST_JWT_SECRET)
    install_problem_handlers(app)
    app.state.calls = []

    @app.get("/api/v1/tiers")
    async def tiers(
        identity: Annotated[Identity, Depends(internal_or_staff("entitlements"))],
        cursor: str | None = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 500,
    ) -> dict[str, Any]:
        """tiering's documented page: limit + opaque cursor (vipkit.pagination), next_cursor."""
        app.state.calls.append((identity.role, cursor, limit))
        after = decode_cursor("tiers", cursor, 1)
        ordered = sorted(items, key=lambda i: i["customer_id"])
        rows = [i for i in ordered if after is None or i["customer_id"] > after[0]][: limit + 1]
        got, next_cursor = page("tiers", rows, limit, lambda i: (i["customer_id"],))
        return {"items": got, "next_cursor": next_cursor}

    return app


def item(customer_id: str, tier: str, sequence: int, since: str = "2026-05-01T10:00:00+08:00", program: str = "stars"):
    return {
        "customer_id": customer_id,
        "program": program,
        "tier": tier,
        "status": "invalid" if tier == "none" else "confirmed",
        "score": "50000.00",
        "since": since,
        "sequence": sequence,
    }


async def test_reconciliation_repairs_a_customer_whose_event_was_dropped(db_url: str):
    ok, dropped, unknown, ahead, corrupt = (new_customer() for _ in range(5))
    db = Database(db_url)
    try:
        await set_tier(db, STARS, ok, "star_2", 1, "2026-05-01T10:00")
        await set_tier(db, STARS, dropped, "star_1", 1, "2026-05-01T10:00")  # its sequence 2 (star_4) is lost
        await set_tier(db, STARS, ahead, "star_5", 5, "2026-05-01T10:00")
        await set_tier(db, STARS, corrupt, "star_3", 2, "2026-05-01T10:00")
        async with db.sessionmaker() as session, session.begin():  # a grant drifted (e.g. a manual edit)
            await session.execute(
                update(Grant).where(Grant.customer_id == corrupt, Grant.service_code == "child_courses").values(quota=9)
            )
        stand_in = tiering_contract_stand_in(
            [
                item(ok, "star_2", 1),
                item(dropped, "star_4", 2, since="2026-05-20T09:00:00+08:00"),
                item(unknown, "star_3", 1),
                item(ahead, "star_5", 4),
                item(corrupt, "star_3", 2),
                item(new_customer(), "gold", 1, program="levels"),
            ]
        )
        async with serve_app(stand_in) as tiering_url:
            app = make_app(db_url, "stars", tiering_url=tiering_url)
            app_settings = app.state.entitlements.settings
            app_settings.reconciliation_page_size = 2
            async with app_client(app) as client:
                url = "/api/v1/entitlements/reconciliation/runs"
                as_of = {"as_of": "2026-06-01T10:00:00+08:00"}
                assert (await client.post(url, json=as_of, headers=customer_headers(ok))).status_code == 403
                keyed = staff_headers() | {"Idempotency-Key": "reconcile-0601"}
                resp = await client.post(url, json=as_of, headers=keyed)
                assert resp.status_code == 200, resp.text
                run = resp.json()
                replay = await client.post(url, json=as_of, headers=keyed)  # vipkit.idempotency: no second run
                assert replay.json() == run and replay.headers["idempotent-replayed"] == "true"
                other = await client.post(url, json={"as_of": "2026-06-02T10:00:00+08:00"}, headers=keyed)
                assert other.status_code == 409 and other.json()["code"] == "conflict"
                assert run["checked"] == 6 and run["pages"] == 3
                repaired = {r["customer_id"]: r for r in run["repaired"]}
                assert set(repaired) == {dropped, unknown, corrupt}
                assert (repaired[dropped]["from_tier"], repaired[dropped]["to_tier"]) == ("star_1", "star_4")
                assert (repaired[dropped]["stored_sequence"], repaired[dropped]["tiering_sequence"]) == (1, 2)
                assert repaired[unknown]["from_tier"] is None
                assert repaired[corrupt]["changes"] == ["child_courses: quota 9 -> 4"]
                assert {s["customer_id"] for s in run["skipped"]} >= {ahead}
                assert all(role == "service" for role, _, _ in stand_in.state.calls)

                ent = (
                    await client.get(
                        f"/api/v1/customers/{dropped}/entitlements", headers=staff_headers("2026-06-01T10:00")
                    )
                ).json()
                assert (ent["tier"], ent["tier_sequence"]) == ("star_4", 2)
                intl = next(s for s in ent["services"] if s["service_code"] == "second_opinion_international")
                assert intl["available"]
                ledger = (
                    await client.get(
                        f"/api/v1/customers/{dropped}/entitlements/child_courses/ledger", headers=staff_headers()
                    )
                ).json()
                assert "reconciliation: tier star_1 -> star_4" in ledger["items"][-1]["reason"]

                # a repair is idempotent: the second run finds nothing to do
                again = (await client.post(url, json=as_of, headers=staff_headers())).json()
                assert again["repaired"] == [] and again["checked"] == 6

                # the daily job (01:30) runs the same code; on 1 Jan it opens the new period's grants
                (job,) = jobs.daily_jobs(app.state.entitlements)
                assert job.at == dt.time(1, 30)
                result = await job.run(at("2027-01-01T01:30"))
                assert "repaired=4" in str(result)  # ok, dropped, unknown, corrupt; ahead is skipped
                ent2027 = (
                    await client.get(f"/api/v1/customers/{ok}/entitlements", headers=staff_headers("2027-01-01T09:00"))
                ).json()
                so = next(s for s in ent2027["services"] if s["service_code"] == "second_opinion_domestic")
                assert (so["period_start"], so["remaining"]) == ("2027-01-01", 2)
    finally:
        await db.dispose()
