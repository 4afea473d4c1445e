"""Demo data for ``make run``, loaded through the gateway like any client would."""

from __future__ import annotations

import os

from vipkit.auth import mint_token
from vipkit.settings import DEV_JWT_SECRET


def load_demo(gateway_url: str, program: str) -> dict[str, str]:
    secret = os.environ.get("VIP_JWT_SECRET", DEV_JWT_SECRET)
    return {
        "customer token": mint_token("C1001", "customer", secret=secret, ttl_seconds=7 * 86400),
        "ops token": mint_token("ops-demo", "ops", secret=secret, ttl_seconds=7 * 86400),
    }
