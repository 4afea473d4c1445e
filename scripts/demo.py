"""Demo data for ``make run``, loaded through the gateway like any ops client would.

For the active program: customers in every tier (policies past their cooling-off), one customer
whose new policy is still in cooling-off (``provisional``), for ``stars`` one below its tier's bound
after a lapse (grace at the next review date) and for ``levels`` one whose last policy just ended; partner
clinics with capacity (the clinic simulator plays their partner); and a pending electronic revisit
whose personal link is printed. Loading twice changes nothing (PUTs; the same content is a no-op).
It runs no tiering date, so it never blocks time travel (``VIP_TEST_CLOCK=1``).

``python -m scripts.demo [--base-url http://127.0.0.1:8000]`` loads it into a running platform.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from decimal import Decimal
from typing import Any

import httpx

from contracts.policy import resident_id
from services.booking.demo import load_booking_demo
from vipkit import clock
from vipkit.auth import mint_token
from vipkit.settings import DEV_JWT_SECRET

#: Per program: (customer id, name, annual premiums of its policies, channel, what it shows).
DEMO_CUSTOMERS: dict[str, list[tuple[str, str, list[str], str, str]]] = {
    "stars": [
        ("C1001", "丁华清", ["120000.00"], "agency", "star_4 (the walkthrough customer)"),
        ("C1002", "王建国", ["320000.00"], "agency", "star_5"),
        ("C1003", "李秀英", ["40000.00"], "bancassurance", "star_3"),
        ("C1004", "张伟", ["15000.00"], "agency", "star_2"),
        ("C1005", "刘洋", ["5000.00"], "broker", "star_1"),
        ("C1006", "陈静", ["60000.00", "60000.00"], "agency", "star_4 after a lapse: grace at the next review"),
    ],
    "levels": [
        ("C1001", "丁华清", ["160000.00"], "agency", "platinum (the walkthrough customer)"),
        ("C1002", "王建国", ["320000.00"], "agency", "diamond"),
        ("C1003", "李秀英", ["70000.00"], "bancassurance", "gold"),
        ("C1004", "张伟", ["35000.00"], "agency", "pearl"),
        ("C1005", "刘洋", ["8000.00"], "broker", "mass"),
        ("C1006", "陈静", ["65000.00"], "agency", "last policy ended: level drops tomorrow"),
    ],
    "cards": [
        ("C1001", "丁华清", ["35000.00"], "agency", "platinum (the walkthrough customer)"),
        ("C1002", "王建国", ["60000.00"], "agency", "diamond"),
        ("C1003", "李秀英", ["15000.00"], "bancassurance", "gold"),
        ("C1004", "张伟", ["25000.00"], "direct", "health_gold (direct channel)"),
        ("C1005", "刘洋", ["7000.00"], "agency", "silver"),
    ],
}
PROVISIONAL = ("C1007", "赵敏", "35000.00")


def person(customer_id: str, name: str, n: int) -> dict[str, Any]:
    birth = dt.date(1970 + n % 25, 1 + n % 12, 1 + n % 27)
    return {
        "customer_id": customer_id,
        "name": name,
        "id_type": "resident_id",
        "id_no": resident_id(birth, 100 + n),
        "mobile": f"138{n:08d}"[:11],
        "birth_date": birth.isoformat(),
    }


def policy(
    holder: dict[str, Any],
    insured: dict[str, Any],
    premium: str,
    channel: str,
    effective: dt.date,
    underwritten: dt.datetime,
    status: str = "in_force",
) -> dict[str, Any]:
    return {
        "holder": holder,
        "insured": insured,
        "product": {"code": "CSFYJ-1", "name": "长生福优加重大疾病保险（计划一）", "kind": "traditional"},
        "channel": channel,
        "payment_mode": "regular",
        "annual_premium": str(Decimal(premium)),
        "payment_years": 10,
        "coverage_years": None,
        "top_ups": [],
        "status": status,
        "underwritten_at": underwritten.isoformat(),
        "effective_date": effective.isoformat(),
        "cooling_off_end": (effective + dt.timedelta(days=15)).isoformat(),
        "loan_or_pledge": False,
        "electronic_contract": True,
    }


def load_demo(gateway_url: str, program: str, simulator_url: str | None = None) -> dict[str, str]:
    secret = os.environ.get("VIP_JWT_SECRET", DEV_JWT_SECRET)
    ops_token = mint_token("ops-demo", "ops", secret=secret, ttl_seconds=7 * 86400)
    today = clock.today()
    old_effective = dt.date(today.year - 1, 3, 1)
    old_underwritten = clock.local_datetime(old_effective - dt.timedelta(days=2), 15, 30)
    out: dict[str, str] = {}
    with httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {ops_token}"}, timeout=20) as client:

        def put_policy(policy_no: str, body: dict[str, Any]) -> None:
            r = client.put(f"/api/v1/policies/{policy_no}", json=body)
            if r.status_code not in (200, 201, 409):
                raise RuntimeError(f"demo policy {policy_no}: {r.status_code} {r.text}")

        customers = DEMO_CUSTOMERS.get(program, DEMO_CUSTOMERS["stars"])
        for n, (customer_id, name, premiums, channel, _shows) in enumerate(customers, start=1):
            me = person(customer_id, name, n)
            # cards rates the insured: a parent (holder) insures the demo customer
            holder = person(f"H{customer_id[1:]}", f"{name[0]}父", 50 + n) if program == "cards" else me
            for k, premium in enumerate(premiums, start=1):
                put_policy(
                    f"P{customer_id[1:]}{k:02d}", policy(holder, me, premium, channel, old_effective, old_underwritten)
                )
        if program == "stars":
            # C1006 lapses one of its two policies: 4★ kept, below its bound; the next review date
            # (the scheduler's run) starts its grace. The demo runs no past date: it never blocks time travel.
            c1006 = person("C1006", "陈静", 6)
            put_policy(
                "P100602", policy(c1006, c1006, "60000.00", "agency", old_effective, old_underwritten, status="lapsed")
            )
        elif program == "levels":
            c1006 = person("C1006", "陈静", 6)
            put_policy(
                "P100601",
                policy(c1006, c1006, "65000.00", "agency", old_effective, old_underwritten, status="surrendered"),
            )
        # a brand-new policy, still in cooling-off: provisional tier and a pending electronic revisit
        new_customer = person(PROVISIONAL[0], PROVISIONAL[1], 7)
        new_policy_no = "P100701"
        put_policy(
            new_policy_no,
            policy(
                new_customer,
                new_customer,
                PROVISIONAL[2],
                "agency",
                today - dt.timedelta(days=1),
                clock.local_datetime(today - dt.timedelta(days=2), 15, 30),
            ),
        )
        out.update(load_booking_demo(gateway_url, ops_token, simulator_url or "http://127.0.0.1:8009"))
        out["revisit link"] = _revisit_link(client, new_policy_no)
        out["revisit identity"] = f"ID last 6 {new_customer['id_no'][-6:]}, birth date {new_customer['birth_date']}"
    out["demo customers"] = ", ".join(f"{c[0]} {c[4]}" for c in customers) + f", {PROVISIONAL[0]} provisional"
    out["customer token"] = mint_token("C1001", "customer", secret=secret, ttl_seconds=7 * 86400)
    out["ops token"] = ops_token
    return out


def _revisit_link(client: httpx.Client, policy_no: str, timeout: float = 30.0) -> str:
    """The revisit task is created from policy.changed.v1; wait for it, then issue a link."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        items = client.get("/api/v1/revisits", params={"policy_no": policy_no}).json().get("items", [])
        if items:
            r = client.post(f"/api/v1/revisits/{items[0]['task_id']}/link")
            if r.status_code in (200, 201):
                return str(r.json()["url"])
            return f"(could not issue a link: {r.status_code} {r.json().get('detail')})"
        time.sleep(0.5)
    return "(the revisit task did not appear in time; see var/logs/revisit.log)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--simulator-url", default="http://127.0.0.1:8009")
    parser.add_argument("--program", default=os.environ.get("VIP_PROGRAM", "stars"))
    args = parser.parse_args()
    for key, value in load_demo(args.base_url, args.program, args.simulator_url).items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
