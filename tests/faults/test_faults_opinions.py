"""Issue 12: entitlements SIGKILLed for 60 s while second opinions move → after recovery every unit is
released or consumed as the rules say, 0 stuck reserved, 0 double effects (checked through the
ledger API).

A second opinion's ``cancel`` / ``delivered`` step commits with its durable ledger job
(``services/booking/opinions.py``), so entitlements being down neither refuses the step nor loses
its effect; a request made during the outage is refused (503) without leaving a unit reserved.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from services.booking.demo import load_booking_demo
from tests.e2e.harness import Api, at
from tests.e2e.policies import person, policy_body
from tests.faults.conftest import report
from tests.faults.helpers import RETRIED, all_true, gather_limited, ready, retrying, settled_ledgers, uid
from vipkit.devrun import Cluster
from vipkit.testing import wait_for

pytestmark = [pytest.mark.faults, pytest.mark.timeout(600)]

SERVICE = "second_opinion_domestic"
N_PER_KIND = 20
OUTAGE_S = 60.0
#: what the unit of each kind must end as
EXPECTED = {"cancelled": "released", "delivered": "consumed"}


def star_4_policy(customer: str, seq: int) -> dict[str, Any]:
    """Two of these (60,000 standard premium each, past cooling-off by February) make a 4-star holder."""
    return policy_body(
        person(customer, "王建国", "1975-05-20", seq),
        premium="60000.00",
        effective="2026-01-05",
        underwritten="2026-01-03T15:00:00+08:00",
    )


async def test_entitlements_killed_60s_while_second_opinions_move_leaves_no_unit_stuck_or_settled_twice(
    stars_faults_platform: Cluster,
) -> None:
    cluster = stars_faults_platform
    api = Api(cluster)
    kinds = ("cancelled", "delivered", "requested_during_outage")
    customers = {k: [uid("CO") for _ in range(N_PER_KIND)] for k in kinds}
    everyone = [c for k in kinds for c in customers[k]]
    try:
        for name in ("tiering", "entitlements", "booking"):
            await ready(cluster, name)
        load_booking_demo(cluster.gateway_url, api.ops, cluster.url("simulator"))
        api.now = at("2026-02-01 09:00")
        puts = await gather_limited(8, [
            retrying(lambda c=c, i=i, n=n: api.as_ops(
                "PUT", f"/api/v1/policies/P{c}{n}", json_body=star_4_policy(c, i % 900)))
            for i, c in enumerate(everyone) for n in (1, 2)
        ])  # fmt: skip
        assert {r.status_code for r in puts} <= {200, 201}, [r.text for r in puts if r.status_code > 201][:3]
        api.now = at("2026-03-02 10:00")

        async def granted(c: str) -> bool:
            r = await api.call("GET", f"/api/v1/customers/{c}/entitlements", token=api.token(c))
            return r.status_code == 200 and any(
                s["service_code"] == SERVICE and s["available"] for s in r.json().get("services", [])
            )

        await wait_for(lambda: all_true(granted, everyone), timeout=300, interval=2, what="every second-opinion grant")

        async def request(c: str, *, retry: bool = True) -> Any:
            body = {"customer_id": c, "service_code": SERVICE, "diagnosis": "肺部结节"}
            key = {"Idempotency-Key": uid("fault-so-")}

            def send() -> Any:
                return api.call("POST", "/api/v1/second-opinions", token=api.token(c), json_body=body, headers=key)

            # a retry: the first call with this key may still be running (409): ask again shortly
            return await retrying(send, also=(409,)) if retry else await send()

        answers = await gather_limited(8, [request(c) for k in EXPECTED for c in customers[k]])
        assert {r.status_code for r in answers} <= {200, 201}, [r.text for r in answers if r.status_code > 201][:3]
        asked = [c for k in EXPECTED for c in customers[k]]
        opened = dict(zip(asked, [r.json()["request_id"] for r in answers], strict=True))

        async def step(c: str, name: str, *, as_ops: bool = True) -> Any:
            path = f"/api/v1/second-opinions/{opened[c]}/{name}"
            token = api.ops if as_ops else api.token(c)
            return await retrying(lambda: api.call("POST", path, token=token))

        for name in ("contacted", "materials-complete"):  # the provider's steps before the outage
            done = await gather_limited(8, [step(c, name) for c in customers["delivered"]])
            assert {r.status_code for r in done} == {200}, [r.text for r in done if r.status_code != 200][:3]

        # the fault: entitlements SIGKILLed; for 60 s second opinions move without it
        cluster.kill("entitlements")
        outage_started = time.monotonic()
        cancelled = await gather_limited(8, [step(c, "cancel", as_ops=False) for c in customers["cancelled"]])
        delivered = await gather_limited(8, [step(c, "delivered") for c in customers["delivered"]])
        during = await gather_limited(8, [request(c, retry=False) for c in customers["requested_during_outage"]])
        assert all(r.status_code == 200 and r.json()["status"] == "cancelled" for r in cancelled), cancelled[0].text
        assert all(r.status_code == 200 and r.json()["status"] == "delivered" for r in delivered), delivered[0].text
        server_errors = sum(r.status_code >= 500 and r.status_code != 503 for r in during)
        assert all(r.status_code == 503 for r in during), {r.status_code for r in during}
        await asyncio.sleep(max(0.0, OUTAGE_S - (time.monotonic() - outage_started)))
        outage = time.monotonic() - outage_started
        cluster.restart("entitlements")

        ends = {state: customers[k] for k, state in EXPECTED.items()}
        figures = await settled_ledgers(api, SERVICE, ends, customers["requested_during_outage"])
        lost, duplicated, stuck, settle_s = figures.lost, figures.duplicated, figures.stuck, figures.settle_s
        dead = (await api.as_ops("GET", "/api/v1/ops/booking/jobs?state=dead", expect=200)).json()["items"]
    finally:
        await api.aclose()
    report("entitlements_sigkill_60s_second_opinions", lost=lost, duplicated=duplicated, stuck=stuck,
           opinions=len(EXPECTED) * N_PER_KIND, refused_during_outage=len(during), outage_s=round(outage),
           settled_after_recovery_s=round(settle_s, 1), dead_jobs=len(dead), server_errors=server_errors,
           retried=len(RETRIED))  # fmt: skip
    assert (lost, duplicated, stuck, len(dead), server_errors) == (0, 0, 0, 0, 0)
