"""See it run (issue 15): the levels platform as real processes exporting traces to an OTLP receiver
run by the test, scraped on every ``/metrics``, its topics read with the official CloudEvents SDK,
and its logs scanned for secrets and unmasked numbers."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from aiokafka import AIOKafkaProducer
from cloudevents.core.bindings import kafka as ce_kafka

from contracts.events import TOPICS
from services.booking.demo import load_booking_demo
from tests.e2e.harness import Api, at, running_platform, watch
from tests.e2e.otlp_receiver import OtlpReceiver, ReceivedSpan
from tests.e2e.policies import person, policy_body
from vipkit.broker import free_port
from vipkit.devrun import Cluster
from vipkit.testing import DatabaseFactory, in_ci, wait_for
from vipkit.testing import metric_value as value

pytestmark = pytest.mark.e2e

SCHEMAS = Path(__file__).resolve().parents[2] / "contracts" / "schemas"
SERVICES = ("tiering", "entitlements", "booking", "revisit", "notifier")
NOW = "2026-09-29 10:00"
# Events whose consumers need a full number: the policy feed and the notifier's recipient.
PII_TOPICS = {"core.policy-events.v1", "policy.changed.v1", "notification.requested.v1"}
HEX_ID = re.compile(
    r"\b(?=[0-9a-f-]*[a-f])[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\b|\b(?=[0-9a-f]*[a-f])[0-9a-f]{16,}\b"
)
MOBILE_OR_ID = re.compile(r"(?<![0-9])(?:1[3-9]\d{9}|\d{17}[\dXx])(?![0-9])")


@pytest.fixture(scope="module")
def otlp() -> Iterator[OtlpReceiver]:
    receiver = OtlpReceiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture(scope="module")
def observed(db_factory: DatabaseFactory, otlp: OtlpReceiver) -> Iterator[Cluster]:
    if not db_factory.pg_url and in_ci():
        pytest.fail("CI=true but no PostgreSQL for the end-to-end journeys")
    env = {
        "OTEL_EXPORTER_OTLP_ENDPOINT": otlp.endpoint,
        "OTEL_BSP_SCHEDULE_DELAY": "200",
        # SMS to a provider that is down, one attempt: notifications fail (a metric and an alert)
        "VIP_NOTIFIER_SMS_URL": f"http://127.0.0.1:{free_port()}/sms",
        "VIP_NOTIFIER_SMS_KEY": "e2e-sms-provider-key",
        "VIP_NOTIFIER_MAX_ATTEMPTS": "1",
    }
    with running_platform("levels", db_factory, env=env) as cluster:
        load_booking_demo(cluster.gateway_url, Api(cluster).ops, cluster.url("simulator"))
        yield cluster


async def customer_with_dental_grant(api: Api, mobile: str = "13800138000") -> tuple[str, str, dict[str, Any]]:
    """A platinum (levels) customer whose cooling-off is over, with the dental cleaning granted."""
    customer = f"CO{uuid.uuid4().hex[:8]}"
    holder = person(customer, "丁华清", "1985-03-02", 11, mobile=mobile)
    api.now = at(NOW)
    await api.as_ops(
        "PUT",
        f"/api/v1/policies/P{customer}",
        json_body=policy_body(
            holder, premium="160000.00", effective="2026-07-01", underwritten="2026-06-29T15:00:00+08:00"
        ),
        expect=201,
    )
    token = api.token(customer)

    async def granted() -> bool:
        body = (await api.call("GET", f"/api/v1/customers/{customer}/entitlements", token=token)).json()
        return any(s["service_code"] == "dental_cleaning" and s["available"] for s in body.get("services", []))

    await wait_for(granted, timeout=30, interval=0.2, what="dental cleaning grant")
    return customer, token, holder


def booking_body(customer: str, clinic: str = "CL-BJ-001") -> dict[str, Any]:
    return {
        "customer_id": customer,
        "service_code": "dental_cleaning",
        "clinic_id": clinic,
        "package_code": "premium",
        "date": "2026-10-08",
        "contact_mobile": "13800138000",
    }


# --- 1. one trace across HTTP and Kafka --------------------------------------------------------------
def _child(spans: list[ReceivedSpan], parent: ReceivedSpan, service: str, kind: str, name: str = "") -> ReceivedSpan:
    found = [
        s for s in spans if s.parent_id == parent.span_id and s.service == service and s.kind == kind and name in s.name
    ]
    assert found, f"no {kind} span {name!r} in {service} under {parent.service}:{parent.name}"
    return found[0]


def _descendants(spans: list[ReceivedSpan], root: ReceivedSpan) -> list[ReceivedSpan]:
    out, frontier = [], [root.span_id]
    while frontier:
        children = [s for s in spans if s.parent_id in frontier]
        out += children
        frontier = [s.span_id for s in children]
    return out


async def test_one_trace_links_gateway_services_outbox_kafka_and_a_consumer(observed, otlp):
    api = Api(observed)
    try:
        customer, token, _ = await customer_with_dental_grant(api)
        booking = (
            await api.call("POST", "/api/v1/bookings", token=token, json_body=booking_body(customer), expect=201)
        ).json()

        trace_id = uuid.uuid4().hex
        caller = "00f067aa0ba902b7"  # the client's own span: the gateway's span is its child
        cancelled = await api.call(
            "POST",
            f"/api/v1/bookings/{booking['booking_id']}/cancel",
            token=token,
            headers={"traceparent": f"00-{trace_id}-{caller}-01"},
            expect=200,
        )
        assert cancelled.json()["quota_released"] is True

        def linked() -> list[ReceivedSpan] | None:
            spans = otlp.trace(trace_id)
            wanted = ("process notification.requested.v1", "publish notification.requested.v1", "POST")
            # each process exports in its own batches: wait until the gateway's server span is in too
            from_gateway = any(s.service == "gateway" and s.parent_id == caller for s in spans)
            from_entitlements = any(s.service == "entitlements" and s.kind == "SERVER" for s in spans)
            return (
                spans
                if from_gateway and from_entitlements and all(any(w in s.name for s in spans) for w in wanted)
                else None
            )

        spans = await wait_for(linked, timeout=30, interval=0.3, what="the cancel's spans from every process")
        gateway = [s for s in spans if s.service == "gateway" and s.parent_id == caller]
        assert gateway and gateway[0].kind == "SERVER", [(s.service, s.kind, s.name) for s in spans]
        booking_http = _child(spans, gateway[0], "booking", "SERVER", "/cancel")
        below_booking = _descendants(spans, booking_http)
        client = [s for s in below_booking if s.service == "booking" and s.kind == "CLIENT"]
        assert client, "booking's call to entitlements has no client span"
        entitlements = [s for s in spans if s.service == "entitlements" and s.parent_id in {c.span_id for c in client}]
        assert entitlements and entitlements[0].kind == "SERVER", "entitlements did not continue the trace"
        assert any(s.service == "entitlements" and s.name.split()[0] in ("SELECT", "UPDATE") for s in spans), [
            (s.service, s.kind, s.name) for s in spans
        ]
        outbox = [s for s in below_booking if s.name == "outbox notification.requested.v1"]
        assert outbox, "the outbox row was not written inside the request's trace"
        publish = _child(spans, outbox[0], "booking", "PRODUCER", "publish notification.requested.v1")
        consume = _child(spans, publish, "notifier", "CONSUMER", "process notification.requested.v1")
        effects = _descendants(spans, consume)
        assert any(s.service == "notifier" and "INSERT" in s.name for s in effects), "the consumer's effect"

        # log lines written inside the trace carry its id (booking's access log line of the cancel)
        booking_log = (observed.var_dir / "logs" / "booking.log").read_text(errors="replace")
        assert f'"trace_id": "{trace_id}"' in booking_log
    finally:
        await api.aclose()


# --- 2. business metrics on every /metrics ---------------------------------------------------------------
async def scrape(cluster: Cluster) -> dict[str, str]:
    async with httpx.AsyncClient(timeout=10) as client:
        return {name: (await client.get(cluster.url(name) + "/metrics")).text for name in (*SERVICES, "gateway")}


async def test_every_metrics_endpoint_shows_the_business_metrics_change(observed):
    api = Api(observed)
    before = await scrape(observed)
    for name, metrics in before.items():
        assert value(metrics, "process_cpu_seconds_total") > 0, f"{name}: no process metrics"
        assert value(metrics, "python_gc_collections_total") > 0, f"{name}: no GC metrics"
    try:
        dead_port = free_port()
        await api.as_ops(
            "PUT",
            "/api/v1/partners/P-DOWN",
            json_body={
                "name": "离线诊所",
                "webhook_url": f"http://127.0.0.1:{dead_port}/hook",
                "secret": "whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODk=",
            },
            expect=(200, 201),
        )
        clinic = {
            "partner_id": "P-DOWN",
            "name": "离线诊所",
            "city": "北京",
            "address": "北京市",
            "opening_weekdays": [1, 2, 3, 4, 5, 6],
            "open_on_holidays": False,
            "services": [
                {
                    "service_code": "dental_cleaning",
                    "daily_capacity": 5,
                    "packages": [{"code": "premium", "name": "高端洁牙套餐"}],
                }
            ],
        }
        await api.as_ops("PUT", "/api/v1/clinics/CL-DOWN", json_body=clinic, expect=(200, 201))
        customer, token, _ = await customer_with_dental_grant(api, mobile="13900139000")  # a tier change
        await api.call("POST", "/api/v1/bookings", token=token, json_body=booking_body(customer, "CL-DOWN"), expect=201)
        await api.as_ops(
            "PUT",
            "/api/v1/calendar/years/2031",
            json_body={"days_off": [{"date": "2031-01-01", "name": "元旦"}]},
            expect=(200, 201),
        )
        producer = AIOKafkaProducer(bootstrap_servers=observed.kafka_bootstrap)
        await producer.start()
        try:  # a message no consumer can read: entitlements dead-letters it
            await producer.send_and_wait("tier.changed.v1", key=customer.encode(), value=b"not a cloudevent")
        finally:
            await producer.stop()

        async def changed() -> dict[str, str] | None:
            after = await scrape(observed)
            checks = [
                value(after["tiering"], "vip_tier_changes_total", to_tier="platinum")
                > value(before["tiering"], "vip_tier_changes_total", to_tier="platinum"),
                value(after["booking"], "vip_bookings_total", status="pending")
                > value(before["booking"], "vip_bookings_total", status="pending"),
                value(after["booking"], "vip_webhook_deliveries", state="failing")
                > value(before["booking"], "vip_webhook_deliveries", state="failing"),
                value(after["booking"], "vip_calendar_year_known", year="2031") == 1,
                value(after["entitlements"], "vip_dlq_messages_total")
                > value(before["entitlements"], "vip_dlq_messages_total"),
                value(after["notifier"], "vip_notifications", status="failed")
                > value(before["notifier"], "vip_notifications", status="failed"),
                value(after["gateway"], "vip_gateway_requests_total", route="/api/v1/bookings/**", status="201")
                > value(before["gateway"], "vip_gateway_requests_total", route="/api/v1/bookings/**", status="201"),
                value(after["entitlements"], "vip_consumer_messages_total", outcome="processed")
                > value(before["entitlements"], "vip_consumer_messages_total", outcome="processed"),
                value(after["tiering"], "vip_events_written_total", topic="policy.changed.v1")
                > value(before["tiering"], "vip_events_written_total", topic="policy.changed.v1"),
            ]
            return after if all(checks) else None

        after = await wait_for(changed, timeout=60, interval=0.5, what="every business metric to move")
        for service in SERVICES:
            assert f'vip_outbox_pending{{service="{service}"}}' in after[service]
            assert f'vip_outbox_oldest_pending_age_seconds{{service="{service}"}}' in after[service]
        for consumer in ("entitlements", "revisit", "notifier"):
            assert value(after[consumer], "vip_consumer_lag") >= 0
            assert "vip_consumer_lag{" in after[consumer], f"{consumer}: no lag gauge"
        assert "vip_calendar_next_year_known" in after["booking"]
        assert value(after["gateway"], "vip_gateway_request_duration_seconds_count", route="/api/v1/bookings/**") > 0
        assert "http_request_duration_seconds_bucket{" in after["booking"]
    finally:
        await api.aclose()


# --- 3. the CloudEvents SDK reads every message on every topic ----------------------------------------
async def test_the_cloudevents_sdk_reads_every_message_and_data_matches_the_schemas(observed):
    watcher = await watch(observed, *TOPICS)
    try:
        await wait_for(lambda: len({m["topic"] for m in watcher.messages}) >= 5, timeout=30, what="messages")
        schemas = {t: json.loads((SCHEMAS / f"{t}.json").read_text(encoding="utf-8")) for t in TOPICS}
        seen: set[str] = set()
        for m in watcher.messages:
            record = m["record"]
            if m["topic"] == "tier.changed.v1" and record.value == b"not a cloudevent":
                continue  # the test's own poison message
            headers = dict(record.headers)
            event = ce_kafka.from_kafka_event(
                ce_kafka.KafkaMessage(headers=headers, key=record.key, value=record.value)
            )
            attributes = event.get_attributes()
            assert attributes["partitionkey"] == record.key.decode() and attributes["source"] in SERVICES
            jsonschema.validate({**json.loads(record.value), "data": event.get_data()}, schemas[m["topic"]])
            if m["topic"] not in PII_TOPICS:  # events that do not need a full mobile or ID number carry none
                # trace and span ids are random hex: a run of their digits can look like a number
                text = HEX_ID.sub("", record.value.decode())
                assert not MOBILE_OR_ID.search(text), (m["topic"], record.value[:300])
            seen.add(m["topic"])
        assert {"policy.changed.v1", "tier.changed.v1", "entitlement.changed.v1", "booking.changed.v1"} <= seen
    finally:
        await watcher.stop()


# --- 4. the logs of the whole run hold no secret and no unmasked number -----------------------------------
async def test_logs_hold_no_revisit_token_and_no_unmasked_number(observed, otlp):
    api = Api(observed)
    try:
        customer = f"CR{uuid.uuid4().hex[:8]}"
        holder = person(customer, "李秀英", "1990-01-01", 31, mobile="13900139000")
        api.now = at("2026-05-08 15:31")
        await api.as_ops(
            "PUT",
            f"/api/v1/policies/P{customer}",
            expect=201,
            json_body=policy_body(
                holder, premium="3233.00", effective="2026-05-09", underwritten="2026-05-08T15:30:00+08:00"
            ),
        )
        api.now = None

        async def link() -> str | None:
            await api.as_ops("POST", "/api/v1/revisits/runs", json_body={"as_of": "2026-05-09T10:00:00+08:00"})
            for n in await api.notifications(customer):
                found = re.search(r"/r/([A-Za-z0-9_\-]+)", n["text"])
                if n["template"] == "revisit_first_sms" and found:
                    return found.group(1)
            return None

        token = await wait_for(link, timeout=30, interval=0.5, what="the revisit SMS link")
        assert (await api.client.get(f"/r/{token}")).status_code == 200
        api.now = at("2026-05-09 12:00")
        session = (
            await api.call(
                "POST",
                "/api/v1/revisit-sessions",
                json_body={"token": token, "id_last6": holder["id_no"][-6:], "birth_date": holder["birth_date"]},
                expect=(200, 201),
            )
        ).json()
        session_id = session["session_id"]
        await api.call("POST", f"/api/v1/revisit-sessions/{session_id}/abort", json_body={})
        await api.call("GET", "/api/v1/customers/13800138000/tier", token=api.token("13800138000"))

        logs = sorted((observed.var_dir / "logs").glob("*.log"))
        assert {p.stem for p in logs} >= {*SERVICES, "gateway"}

        def scan() -> dict[str, Any]:
            text = "\n".join(p.read_text(errors="replace") for p in logs)
            ids = HEX_ID.sub("<id>", text)  # trace/span/request/event ids may hold long digit runs
            return {
                "lines": text.count("\n"),
                "tokens": text.count(token),
                "sessions": text.count(session_id),
                "numbers": MOBILE_OR_ID.findall(ids),
                "redacted": text.count("/r/[redacted]") + text.count("/revisit-sessions/[redacted]"),
            }

        def logged() -> dict[str, Any] | None:
            result = scan()
            return result if result["redacted"] >= 3 else None

        # the gateway writes its access log in batches: wait until the session's requests are in
        result = await wait_for(logged, timeout=15, what="access log lines")
        print(f"log scan: {result['lines']} lines, {len(logs)} files")
        assert result["tokens"] == 0 and result["sessions"] == 0, result

        # nor do the traces: the H5 page's and the session's server spans are there, redacted
        def h5_spans() -> list[ReceivedSpan] | None:
            found = [s for s in otlp.spans if s.service == "revisit" and s.kind == "SERVER" and "/r/" in s.name]
            return found or None

        assert await wait_for(h5_spans, timeout=15, what="the H5 page's server span")
        leaked = [s for s in otlp.spans if any(token in v or session_id in v for v in s.attributes.values())]
        assert leaked == [], [(s.service, s.name, s.attributes) for s in leaked[:3]]
        assert result["numbers"] == [], result["numbers"][:5]
    finally:
        await api.aclose()
