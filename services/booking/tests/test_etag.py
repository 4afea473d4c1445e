"""ETag / If-Match on the ops-managed booking resources (vipkit.etag): partners, clinics, calendar
years. Two ops editing the same clinic no longer overwrite each other: the second gets 412. On
SQLite and PostgreSQL."""

from __future__ import annotations

from services.booking.tests.conftest import OPS, SECRET_P1, Env

YEAR = {"days_off": [{"date": "2028-01-03", "name": "元旦"}], "working_days": [], "source": "国办发明电〔2027〕"}


async def test_partner_and_clinic_stale_if_match_is_412_fresh_one_applies(env: Env) -> None:
    client = env.client
    read = await client.get("/api/v1/clinics/CL1")
    assert read.status_code == 200 and read.headers["etag"].startswith('"')
    etag = read.headers["etag"]
    body = {k: v for k, v in read.json().items() if k != "clinic_id"}

    # ops A saves with the version read: applied, a new ETag
    first = await client.put(
        "/api/v1/clinics/CL1", json={**body, "name": "爱康国宾朝阳门诊部"}, headers={**OPS, "If-Match": etag}
    )
    assert first.status_code == 200, first.text
    assert first.headers["etag"] != etag
    assert (await client.get("/api/v1/clinics/CL1")).headers["etag"] == first.headers["etag"]
    # ops B saves with the old version: refused, nothing overwritten
    second = await client.put("/api/v1/clinics/CL1", json={**body, "city": "天津"}, headers={**OPS, "If-Match": etag})
    assert second.status_code == 412 and second.json()["code"] == "precondition_failed"
    assert second.json()["current_etag"] == first.headers["etag"]
    after = (await client.get("/api/v1/clinics/CL1")).json()
    assert after["name"] == "爱康国宾朝阳门诊部" and after["city"] == "北京"
    # If-Match on a clinic that does not exist: 412 (nothing to match); without: created
    partner_body = {"name": "美年大健康", "webhook_url": "http://127.0.0.1:9/hooks", "secret": SECRET_P1}
    missing = await client.put("/api/v1/partners/P9", json=partner_body, headers={**OPS, "If-Match": etag})
    assert missing.status_code == 412
    created = await client.put("/api/v1/partners/P9", json=partner_body, headers=OPS)
    assert created.status_code == 201 and created.headers["etag"]
    got = await client.get("/api/v1/partners/P9", headers=OPS)
    assert got.headers["etag"] == created.headers["etag"]
    star = await client.put(
        "/api/v1/partners/P9", json={**partner_body, "name": "美年"}, headers={**OPS, "If-Match": "*"}
    )
    assert star.status_code == 200
    stale = await client.put("/api/v1/partners/P9", json=partner_body, headers={**OPS, "If-Match": got.headers["etag"]})
    assert stale.status_code == 412


async def test_calendar_year_etag_and_required_if_match_is_428(env: Env) -> None:
    client = env.client
    loaded = await client.put("/api/v1/calendar/years/2028", json=YEAR, headers=OPS)
    assert loaded.status_code == 200, loaded.text
    got = await client.get("/api/v1/calendar/years/2028")
    assert got.headers["etag"] == loaded.headers["etag"]  # the PUT's ETag is the one a GET answers
    changed = {**YEAR, "days_off": [*YEAR["days_off"], {"date": "2028-01-04", "name": "元旦"}]}
    ok = await client.put("/api/v1/calendar/years/2028", json=changed, headers={**OPS, "If-Match": got.headers["etag"]})
    assert ok.status_code == 200
    stale = await client.put("/api/v1/calendar/years/2028", json=YEAR, headers={**OPS, "If-Match": got.headers["etag"]})
    assert stale.status_code == 412

    env.app.state.common_settings.require_if_match = True
    try:
        missing = await client.put("/api/v1/calendar/years/2028", json=YEAR, headers=OPS)
        assert missing.status_code == 428 and missing.json()["code"] == "precondition_required"
        fresh = await client.put(
            "/api/v1/calendar/years/2029",
            json={**YEAR, "days_off": [{"date": "2029-01-01", "name": "元旦"}]},
            headers=OPS,
        )
        assert fresh.status_code == 200, fresh.text  # creating needs no If-Match
    finally:
        env.app.state.common_settings.require_if_match = False
