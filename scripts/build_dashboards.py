"""Grafana dashboards as code: ``python scripts/build_dashboards.py`` writes
``deploy/observability/dashboards/*.json`` (the platform at a glance, and one per service).

The checked-in JSON must equal what this script renders (tests/observability); every metric a
panel queries must be exported by the code. Import the files into Grafana (datasource variable
``DS_PROMETHEUS``), or provision them from the folder.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "deploy" / "observability" / "dashboards"
DATASOURCE = {"type": "prometheus", "uid": "${DS_PROMETHEUS}"}
SERVICES = ("tiering", "entitlements", "booking", "revisit", "notifier")
CONSUMERS = {"entitlements", "revisit", "notifier"}
GATEWAY_P95 = "histogram_quantile(0.95, sum by (le, route) (rate(vip_gateway_request_duration_seconds_bucket[5m])))"


def panel(title: str, exprs: dict[str, str], *, unit: str = "short", kind: str = "timeseries") -> dict[str, Any]:
    """One panel; ``exprs`` maps legend format to PromQL."""
    return {
        "title": title,
        "type": kind,
        "datasource": DATASOURCE,
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "targets": [
            {"refId": chr(ord("A") + i), "expr": expr, "legendFormat": legend, "datasource": DATASOURCE}
            for i, (legend, expr) in enumerate(exprs.items())
        ],
    }


def dashboard(uid: str, title: str, panels: list[dict[str, Any]]) -> dict[str, Any]:
    laid_out = []
    for i, p in enumerate(panels):
        laid_out.append({**p, "id": i + 1, "gridPos": {"h": 8, "w": 12, "x": (i % 2) * 12, "y": (i // 2) * 8}})
    return {
        "uid": uid,
        "title": title,
        "tags": ["vip-platform"],
        "timezone": "Asia/Shanghai",
        "schemaVersion": 39,
        "version": 1,
        "refresh": "30s",
        "time": {"from": "now-6h", "to": "now"},
        "templating": {
            "list": [{"name": "DS_PROMETHEUS", "type": "datasource", "query": "prometheus", "label": "Prometheus"}]
        },
        "panels": laid_out,
    }


def http_panels(service: str) -> list[dict[str, Any]]:
    sel = f'service="{service}"'
    return [
        panel(
            "Requests by status",
            {"{{status}}": f"sum by (status) (rate(http_requests_total{{{sel}}}[5m]))"},
            unit="reqps",
        ),
        panel(
            "p95 latency by route",
            {
                "{{route}}": "histogram_quantile(0.95, sum by (le, route) "
                f"(rate(http_request_duration_seconds_bucket{{{sel}}}[5m])))"
            },
            unit="s",
        ),
    ]


def event_panels(service: str) -> list[dict[str, Any]]:
    sel = f'service="{service}"'
    panels = [
        panel(
            "Outbox backlog",
            {"pending": f"vip_outbox_pending{{{sel}}}", "parked": f"vip_outbox_parked{{{sel}}}"},
        ),
        panel("Oldest unpublished event", {"age": f"vip_outbox_oldest_pending_age_seconds{{{sel}}}"}, unit="s"),
        panel("Events written", {"{{topic}}": "sum by (topic) (rate(vip_events_written_total[5m]))"}, unit="ops"),
        panel("Durable jobs", {"{{state}}": f"vip_durable_jobs{{{sel}}}"}),
        panel(
            "Since each daily job last succeeded", {"{{job}}": f"vip_job_last_success_age_seconds{{{sel}}}"}, unit="s"
        ),
        panel(
            "Rows purged (retention)",
            {"{{table}}": f"sum by (table) (increase(vip_retention_purged_rows_total{{{sel}}}[1d]))"},
        ),
    ]
    if service in CONSUMERS:
        group = f'group=~"{service}\\\\..*"'
        panels += [
            panel("Consumer lag", {"{{group}} {{topic}}/{{partition}}": f"vip_consumer_lag{{{group}}}"}),
            panel(
                "Messages handled",
                {
                    "{{group}} {{outcome}}": "sum by (group, outcome) "
                    f"(rate(vip_consumer_messages_total{{{group}}}[5m]))"
                },
                unit="ops",
            ),
            panel(
                "Dead-lettered (15m)",
                {"{{group}}": f"sum by (group) (increase(vip_dlq_messages_total{{{group}}}[15m]))"},
            ),
        ]
    return panels


def process_panels(job_selector: str) -> list[dict[str, Any]]:
    return [
        panel("CPU", {"{{instance}}": f"rate(process_cpu_seconds_total{{{job_selector}}}[5m])"}, unit="percentunit"),
        panel("Resident memory", {"{{instance}}": f"process_resident_memory_bytes{{{job_selector}}}"}, unit="bytes"),
        panel(
            "GC collections",
            {"gen {{generation}}": f"sum by (generation) (rate(python_gc_collections_total{{{job_selector}}}[5m]))"},
        ),
    ]


SERVICE_PANELS: dict[str, list[dict[str, Any]]] = {
    "tiering": [
        panel("Tier changes by reason", {"{{reason}}": "sum by (reason) (increase(vip_tier_changes_total[1h]))"}),
        panel("Tier changes by new tier", {"{{to_tier}}": "sum by (to_tier) (increase(vip_tier_changes_total[1h]))"}),
    ],
    "booking": [
        panel("Bookings by outcome", {"{{status}}": "sum by (status) (increase(vip_bookings_total[1h]))"}),
        panel("Partner webhook deliveries", {"{{state}}": "vip_webhook_deliveries"}),
        panel("Calendar: next year known", {"known": "vip_calendar_next_year_known"}, kind="stat"),
        panel("Calendar years known", {"{{year}}": "vip_calendar_year_known"}, kind="stat"),
    ],
    "notifier": [
        panel("Notifications", {"{{channel}} {{status}}": "vip_notifications"}),
        panel("Failed (30m)", {"{{channel}}": 'sum by (channel) (delta(vip_notifications{status="failed"}[30m]))'}),
    ],
    "entitlements": [],
    "revisit": [],
}


def platform() -> dict[str, Any]:
    return dashboard(
        "vip-platform",
        "VIP platform — at a glance",
        [
            panel(
                "Gateway requests by status",
                {"{{status}}": "sum by (status) (rate(vip_gateway_requests_total[5m]))"},
                unit="reqps",
            ),
            panel(
                "Gateway 5xx ratio",
                {
                    "5xx": 'sum(rate(vip_gateway_requests_total{status=~"5.."}[5m])) '
                    "/ sum(rate(vip_gateway_requests_total[5m]))"
                },
                unit="percentunit",
            ),
            panel(
                "Gateway p95 latency by route",
                {"{{route}}": GATEWAY_P95},
                unit="s",
            ),
            panel(
                "Upstream errors",
                {"{{upstream}} {{kind}}": "sum by (upstream, kind) (rate(vip_gateway_upstream_errors_total[5m]))"},
            ),
            panel(
                "Oldest unpublished event per service",
                {"{{service}}": "vip_outbox_oldest_pending_age_seconds"},
                unit="s",
            ),
            panel("Consumer lag per group", {"{{group}}": "sum by (group) (vip_consumer_lag)"}),
            panel("Dead-lettered (15m)", {"{{group}}": "sum by (group) (increase(vip_dlq_messages_total[15m]))"}),
            panel("Dead durable jobs", {"{{service}}": 'vip_durable_jobs{state="dead"}'}),
            panel(
                "Partner webhooks retrying / failed", {"{{state}}": 'vip_webhook_deliveries{state=~"failing|failed"}'}
            ),
            panel("Notifications failed", {"{{channel}}": 'vip_notifications{status="failed"}'}),
            panel(
                "Since each daily job last succeeded",
                {"{{service}}/{{job}}": "vip_job_last_success_age_seconds"},
                unit="s",
            ),
            panel(
                "Next year's calendar",
                {"known": "vip_calendar_next_year_known", "overdue": "vip_calendar_next_year_overdue"},
                kind="stat",
            ),
            panel("Tier changes (1h)", {"{{reason}}": "sum by (reason) (increase(vip_tier_changes_total[1h]))"}),
            panel("Bookings (1h)", {"{{status}}": "sum by (status) (increase(vip_bookings_total[1h]))"}),
        ],
    )


def render() -> dict[str, str]:
    boards = {"platform.json": platform()}
    for service in SERVICES:
        panels = http_panels(service) + event_panels(service) + SERVICE_PANELS[service]
        panels += process_panels(f'job="{service}"')
        boards[f"{service}.json"] = dashboard(f"vip-{service}", f"VIP {service}", panels)
    gateway = [
        panel(
            "Requests by route", {"{{route}}": "sum by (route) (rate(vip_gateway_requests_total[5m]))"}, unit="reqps"
        ),
        panel("Status codes", {"{{status}}": "sum by (status) (rate(vip_gateway_requests_total[5m]))"}, unit="reqps"),
        panel(
            "p95 latency by route",
            {"{{route}}": GATEWAY_P95},
            unit="s",
        ),
        panel(
            "Upstream errors",
            {"{{upstream}} {{kind}}": "sum by (upstream, kind) (rate(vip_gateway_upstream_errors_total[5m]))"},
        ),
        *process_panels('job="gateway"'),
    ]
    boards["gateway.json"] = dashboard("vip-gateway", "VIP gateway", gateway)
    return {name: json.dumps(board, indent=2, ensure_ascii=False) + "\n" for name, board in boards.items()}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in render().items():
        (OUT / name).write_text(text, encoding="utf-8")
        print(f"wrote {OUT / name}", file=sys.stderr)


if __name__ == "__main__":
    main()
