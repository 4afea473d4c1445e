"""Demo partners and clinics for ``make run`` (loaded over HTTP like any ops client would).

``load_booking_demo(base_url, ops_token, simulator_url)`` registers the partner the simulator plays
(same id and development secret as ``simulator.main``) and three clinics, through the gateway or
the booking service directly. Idempotent (PUTs). ``python -m services.booking.demo`` loads it into
a running platform.
"""

from __future__ import annotations

import argparse
import base64
import os
from typing import Any

import httpx

from vipkit.auth import mint_token
from vipkit.settings import DEV_JWT_SECRET

#: Must match ``simulator.main.DEMO_PARTNER_ID`` / ``DEMO_PARTNER_SECRET`` (development only).
DEMO_PARTNER_ID = "P-DEMO"
DEMO_PARTNER_SECRET = "whsec_" + base64.b64encode(b"vip-demo-partner-clinic-secret!!").decode()

WORKDAYS = [1, 2, 3, 4, 5]


def demo_clinics(partner_id: str = DEMO_PARTNER_ID) -> dict[str, dict[str, Any]]:
    dental = [
        {"code": "classic", "name": "经典洁牙套餐"},
        {"code": "premium", "name": "高端洁牙套餐"},
        {"code": "exclusive", "name": "尊享洁牙套餐"},
    ]
    checkup = [
        {"code": "platinum_male", "name": "铂金健康体检套餐(男性)"},
        {"code": "platinum_female", "name": "铂金健康体检套餐(女性)"},
        {"code": "diamond_male", "name": "钻石健康体检套餐(男性)"},
        {"code": "diamond_female", "name": "钻石健康体检套餐(女性)"},
        {"code": "diamond_cardio", "name": "钻石特色套餐(心脑血管套餐)"},
    ]
    return {
        "CL-BJ-001": {
            "partner_id": partner_id,
            "name": "瑞尔齿科（北京国贸诊所）",
            "city": "北京",
            "address": "北京市朝阳区建国门外大街1号国贸商城3层",
            "opening_weekdays": [1, 2, 3, 4, 5, 6],
            "open_on_holidays": False,
            "services": [{"service_code": "dental_cleaning", "daily_capacity": 8, "packages": dental}],
        },
        "CL-SH-001": {
            "partner_id": partner_id,
            "name": "美年大健康（上海静安分院）",
            "city": "上海",
            "address": "上海市静安区南京西路1266号",
            "opening_weekdays": WORKDAYS,
            "open_on_holidays": False,
            "services": [
                {"service_code": "health_checkup", "daily_capacity": 20, "packages": checkup},
                {"service_code": "vip_checkup", "daily_capacity": 20, "packages": []},
                {"service_code": "checkup_discount", "daily_capacity": 20, "packages": []},
            ],
        },
        "CL-GZ-001": {
            "partner_id": partner_id,
            "name": "广州医科大学附属第一医院VIP服务中心",
            "city": "广州",
            "address": "广州市越秀区沿江西路151号",
            "opening_weekdays": WORKDAYS,
            "open_on_holidays": False,
            "services": [
                {"service_code": "expert_outpatient", "daily_capacity": 5, "packages": []},
                {"service_code": "special_exam", "daily_capacity": 5, "packages": []},
                {"service_code": "registration_assisted", "daily_capacity": 10, "packages": []},
                {"service_code": "registration_referral", "daily_capacity": 5, "packages": []},
            ],
        },
    }


def load_booking_demo(base_url: str, ops_token: str, simulator_url: str = "http://127.0.0.1:8009") -> dict[str, str]:
    headers = {"Authorization": f"Bearer {ops_token}"}
    with httpx.Client(base_url=base_url, headers=headers, timeout=10) as client:
        partner = {
            "name": "合作医疗机构（模拟器）",
            "webhook_url": f"{simulator_url}/webhooks/{DEMO_PARTNER_ID}",
            "secret": DEMO_PARTNER_SECRET,
        }
        client.put(f"/api/v1/partners/{DEMO_PARTNER_ID}", json=partner).raise_for_status()
        for clinic_id, body in demo_clinics().items():
            client.put(f"/api/v1/clinics/{clinic_id}", json=body).raise_for_status()
    return {"demo partner": DEMO_PARTNER_ID, "demo clinics": ", ".join(demo_clinics())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="gateway or booking service URL")
    parser.add_argument("--simulator-url", default="http://127.0.0.1:8009")
    args = parser.parse_args()
    token = mint_token("ops-demo", "ops", secret=os.environ.get("VIP_JWT_SECRET", DEV_JWT_SECRET))
    for key, value in load_booking_demo(args.base_url, token, args.simulator_url).items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
