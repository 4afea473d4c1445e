"""#14 item 13 (booking side, calendar_ops.py): every ops change of the working-day calendar is
published whole as ``calendar.changed.v1``; from 1 December a missing next-year schedule warns ops
(log line, ``vip_calendar_next_year_overdue``, ``GET /api/v1/calendar/years``)."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from prometheus_client import REGISTRY

from services.booking import calendar_ops
from services.booking.tests.conftest import OPS, Env, ops_headers

YEAR_2027 = {
    "source": "国务院办公厅关于2027年部分节假日安排的通知",
    "days_off": [{"date": "2027-01-01", "name": "元旦"}, {"date": "2027-02-08", "name": "春节"}],
    "working_days": [{"date": "2027-02-20", "name": "调休上班"}],
}


async def test_every_calendar_change_publishes_the_whole_calendar(env: Env) -> None:
    r = await env.client.put(
        "/api/v1/calendar/overrides/2026-10-12", json={"working": False, "name": "台风停工"}, headers=OPS
    )
    assert r.status_code == 200, r.text
    assert (await env.client.put("/api/v1/calendar/years/2027", json=YEAR_2027, headers=OPS)).status_code in (200, 201)
    assert (await env.client.delete("/api/v1/calendar/overrides/2026-10-12", headers=OPS)).status_code == 204
    events = await env.outbox("calendar.changed.v1")
    assert len(events) == 3
    first, second, third = (e["data"] for e in events)
    assert first["overrides"] == [{"date": "2026-10-12", "working": False, "name": "台风停工"}] and first["years"] == []
    assert [y["year"] for y in second["years"]] == [2027] and len(second["overrides"]) == 1
    assert {d["date"] for d in second["years"][0]["days_off"]} == {"2027-01-01", "2027-02-08"}
    assert third["overrides"] == [] and [y["year"] for y in third["years"]] == [2027]
    assert all(e["subject"] == "calendar" and e["source"] == "booking" for e in events)


async def test_known_years_endpoint_warns_from_1_december(env: Env) -> None:
    before = (await env.client.get("/api/v1/calendar/years", headers=ops_headers("2026-11-30T10:00:00+08:00"))).json()
    assert 2026 in before["known_years"] and before["next_year"] == 2027
    assert before["next_year_known"] is False and before["warning"] is None
    due = (await env.client.get("/api/v1/calendar/years", headers=ops_headers("2026-12-01T10:00:00+08:00"))).json()
    assert due["warning"] is not None and "2027" in due["warning"]
    assert (await env.client.put("/api/v1/calendar/years/2027", json=YEAR_2027, headers=OPS)).status_code in (200, 201)
    loaded = (await env.client.get("/api/v1/calendar/years", headers=ops_headers("2026-12-01T10:00:00+08:00"))).json()
    assert loaded["next_year_known"] is True and loaded["warning"] is None and 2027 in loaded["loaded_years"]


async def test_daily_check_logs_a_warning_sets_the_metric_and_republishes(
    env: Env, caplog: pytest.LogCaptureFixture
) -> None:
    ctx = env.app.state.booking
    with caplog.at_level(logging.WARNING, logger="booking.calendar"):
        view = await calendar_ops.check_calendar(ctx, dt.date(2026, 12, 1))
    assert view.warning is not None
    assert REGISTRY.get_sample_value("vip_calendar_next_year_overdue") == 1
    assert any("next year's working-day schedule is not loaded" in r.getMessage() for r in caplog.records)
    assert len(await env.outbox("calendar.changed.v1")) == 1  # published again for anyone who missed it
    caplog.clear()
    assert (await env.client.put("/api/v1/calendar/years/2027", json=YEAR_2027, headers=OPS)).status_code in (200, 201)
    with caplog.at_level(logging.WARNING, logger="booking.calendar"):
        assert (await calendar_ops.check_calendar(ctx, dt.date(2026, 12, 1))).warning is None
    assert REGISTRY.get_sample_value("vip_calendar_next_year_overdue") == 0
    assert not [r for r in caplog.records if r.name == "booking.calendar"]
