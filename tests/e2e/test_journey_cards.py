"""Journey (cards): the insured, not the holder, gets the card; direct-channel policies earn
health-gold where the same premium through an agent earns gold. Through the gateway only."""

from __future__ import annotations

import uuid

import pytest

from tests.e2e.harness import Api, at, watch
from tests.e2e.policies import person, policy_body
from vipkit.testing import wait_for

pytestmark = pytest.mark.e2e


async def test_cards_tier_the_insured_and_health_gold_only_for_the_direct_channel(cards_platform):
    cluster = cards_platform
    api = Api(cluster)
    watcher = await watch(cluster, "tier.changed.v1")
    tag = uuid.uuid4().hex[:6]
    parent, child = f"CH{tag}", f"CI{tag}"
    direct, agency = f"CD{tag}", f"CA{tag}"
    try:
        api.now = at("2026-03-01 09:00")
        holder = person(parent, "丁父", "1960-02-02", 41)
        insured = person(child, "丁华清", "1990-01-01", 42)
        await api.as_ops(
            "PUT",
            f"/api/v1/policies/P{child}",
            expect=201,
            json_body=policy_body(
                holder,
                insured=insured,
                premium="35000.00",
                effective="2026-01-05",
                underwritten="2026-01-03T15:00:00+08:00",
            ),
        )

        # the insured gets the platinum card; the holder, who pays, gets none
        card = (await api.call("GET", f"/api/v1/customers/{child}/tier", token=api.token(child), expect=200)).json()
        assert (card["tier"], card["status"], card["tier_name"]) == ("platinum", "confirmed", "都会白金卡")
        holder_tier = await api.call("GET", f"/api/v1/customers/{parent}/tier", token=api.token(parent))
        assert holder_tier.status_code == 404 or holder_tier.json()["tier"] == "none"
        event = (await watcher.wait("tier.changed.v1", customer_id=child))[0]
        assert event["key"] == child and event["value"]["data"]["program"] == "cards"

        # benefits are the insured's: the VIP checkup and the right to designate relatives
        async def checkup():
            body = (await api.call("GET", f"/api/v1/customers/{child}/entitlements", token=api.token(child))).json()
            return next((s for s in body.get("services", []) if s["service_code"] == "vip_checkup"), None)

        assert await wait_for(checkup, timeout=30, interval=0.2, what="the insured's grants")

        # the same 25,000 AFYP: health-gold through the direct channel, gold through an agent
        for customer, channel in ((direct, "direct"), (agency, "agency")):
            me = person(customer, "张伟", "1985-07-07", 43 if channel == "direct" else 44)
            await api.as_ops(
                "PUT",
                f"/api/v1/policies/P{customer}",
                expect=201,
                json_body=policy_body(
                    me,
                    premium="25000.00",
                    channel=channel,
                    effective="2026-01-05",
                    underwritten="2026-01-03T15:00:00+08:00",
                ),
            )
        got = {
            c: (await api.call("GET", f"/api/v1/customers/{c}/tier", token=api.token(c), expect=200)).json()
            for c in (direct, agency)
        }
        assert (got[direct]["tier"], got[direct]["tier_name"]) == ("health_gold", "都会健康金卡")
        assert (got[agency]["tier"], got[agency]["tier_name"]) == ("gold", "都会金卡")

        # a premium change that no longer earns the card changes it at once (no grace)
        me = person(direct, "张伟", "1985-07-07", 43)
        api.now = at("2026-03-05 09:00")
        await api.as_ops(
            "PUT",
            f"/api/v1/policies/P{direct}",
            expect=200,
            json_body=policy_body(
                me,
                premium="8000.00",
                channel="direct",
                effective="2026-01-05",
                underwritten="2026-01-03T15:00:00+08:00",
            ),
        )
        after = (await api.call("GET", f"/api/v1/customers/{direct}/tier", token=api.token(direct), expect=200)).json()
        assert (after["tier"], after["status"]) == ("silver", "confirmed")
        downgrade = await api.wait_notification(direct, "tier_downgrade")
        assert "银卡" in downgrade["text"]
    finally:
        await watcher.stop()
        await api.aclose()
