"""Business metrics on a service's /metrics move with what happens (in-process, both databases):
an event written but not yet published (outbox backlog and its age), committed vs rolled-back
events, a scheduled job's success, the retention purge. The e2e counterpart, every process and
the gateway: tests/e2e/test_observability.py."""

from __future__ import annotations

import datetime as dt
import uuid

from tests.foundation.probe import app as probe
from vipkit import clock
from vipkit.app import ServiceRuntime
from vipkit.scheduler import DailyJob, Scheduler
from vipkit.testing import app_client
from vipkit.testing import metric_value as metric


async def test_outbox_backlog_job_success_and_purge_show_on_metrics(db_kind, db_factory, common_settings):
    url = db_factory.create(db_kind, probe.MIGRATIONS_DIR)
    settings = common_settings.model_copy(update={"kafka_enabled": False})  # no relay: events stay pending
    app = probe.create_app(url, settings)
    async with app_client(app) as client:
        before = (await client.get("/metrics")).text
        assert metric(before, "vip_outbox_pending", service="probe") == 0
        assert metric(before, "vip_outbox_oldest_pending_age_seconds", service="probe") == 0
        committed = metric(before, "vip_events_written_total", topic="notification.requested.v1")

        customer = f"M{uuid.uuid4().hex[:8]}"
        assert (await client.post("/notes", json={"customer_id": customer, "text": "a"})).status_code == 201
        failed = await client.post("/notes", json={"customer_id": customer, "text": "b", "fail_after_event": True})
        assert failed.status_code == 409  # its event rolled back with it: neither pending nor counted

        after = (await client.get("/metrics")).text
        assert metric(after, "vip_outbox_pending", service="probe") == 1
        assert metric(after, "vip_outbox_oldest_pending_age_seconds", service="probe") > 0
        assert metric(after, "vip_events_written_total", topic="notification.requested.v1") == committed + 1

        runtime: ServiceRuntime = app.state.runtime
        job = f"probe-daily-{uuid.uuid4().hex[:6]}"

        async def work(due: dt.datetime) -> object:
            return "done"

        assert f'job="{job}"' not in after
        now = clock.local_datetime(dt.date(2026, 9, 29), 9, 0)
        assert await Scheduler(runtime.db, [DailyJob(job, dt.time(8, 0), work)]).tick(now) == [job]
        ran = (await client.get("/metrics")).text
        finished_at = metric(ran, "vip_job_last_success_timestamp_seconds", service="probe", job=job)
        assert abs(finished_at - dt.datetime.now(dt.UTC).timestamp()) < 120  # finished_at is the real now
        assert metric(ran, "vip_job_last_success_age_seconds", service="probe", job=job) >= 0

        purged_before = metric(ran, "vip_retention_purged_rows_total", service="probe", table="job_runs")
        await Scheduler(runtime.db, [DailyJob(job, dt.time(8, 0), work)]).tick(now + dt.timedelta(days=1))
        with clock.frozen(dt.datetime.now(clock.SHANGHAI) + dt.timedelta(days=91)):
            assert (await runtime.purge())["job_runs"] == 1  # the older run; the newest is kept
        purged = (await client.get("/metrics")).text
        assert metric(purged, "vip_retention_purged_rows_total", service="probe", table="job_runs") == purged_before + 1
