"""Dashboards and alerts as code (deploy/observability): the rules are valid (promtool when
installed; CI installs it), every metric a rule or panel uses is exported by the code, every alert
has its runbook entry, and the checked-in dashboards are what scripts/build_dashboards.py renders."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from prometheus_client import REGISTRY

import gateway.main  # noqa: F401  (registers nothing new, but imports what the gateway exports)
import vipkit.metrics  # noqa: F401
from scripts.build_dashboards import render

ROOT = Path(__file__).resolve().parents[2]
OBS = ROOT / "deploy" / "observability"
RUNBOOK = ROOT / "docs" / "runbook.md"
METRIC = re.compile(r"\b((?:vip|http|process|python)_[a-z_]+)\b")
SUFFIXES = ("", "_total", "_created", "_bucket", "_count", "_sum")


def exported() -> set[str]:
    names = set()
    for family in REGISTRY.collect():
        names |= {family.name + suffix for suffix in SUFFIXES}
        names |= {sample.name for sample in family.samples}
    return names


def rules() -> list[dict]:
    doc = yaml.safe_load((OBS / "alerts.yml").read_text(encoding="utf-8"))
    return [rule for group in doc["groups"] for rule in group["rules"]]


def dashboard_exprs() -> dict[str, list[str]]:
    out = {}
    for path in sorted((OBS / "dashboards").glob("*.json")):
        board = json.loads(path.read_text(encoding="utf-8"))
        out[path.name] = [t["expr"] for p in board["panels"] for t in p["targets"]]
    return out


def anchors(markdown: str) -> set[str]:
    """GitHub-style heading anchors."""
    found = set()
    for line in markdown.splitlines():
        if line.startswith("#"):
            text = line.lstrip("#").strip().lower()
            found.add(re.sub(r"[^a-z0-9 _-]", "", text).replace(" ", "-"))
    return found


def test_every_metric_in_rules_and_dashboards_is_exported_by_the_code() -> None:
    names = exported()
    used = {m for rule in rules() for m in METRIC.findall(rule["expr"])}
    for exprs in dashboard_exprs().values():
        used |= {m for expr in exprs for m in METRIC.findall(expr)}
    assert used, "no metric found in the rules and dashboards"
    assert sorted(used - names) == []


def test_the_check_can_fail() -> None:
    assert "vip_outbox_pending" in exported() and "vip_outbox_pendnig" not in exported()


def test_every_alert_has_a_runbook_entry_and_the_required_alerts_exist() -> None:
    known = anchors(RUNBOOK.read_text(encoding="utf-8"))
    alerts = {rule["alert"]: rule for rule in rules()}
    for name, rule in alerts.items():
        url = rule["annotations"]["runbook_url"]
        assert url.startswith("docs/runbook.md#"), name
        assert url.split("#", 1)[1] in known, f"{name}: no runbook section {url}"
        assert rule["expr"].count("(") == rule["expr"].count(")"), name
        assert rule["labels"]["severity"] in ("page", "ticket"), name
    needed = {
        "OutboxBacklogOld": "vip_outbox_oldest_pending_age_seconds",
        "ConsumerLagHigh": "vip_consumer_lag",
        "DeadLetterGrowth": "vip_dlq_messages_total",
        "DurableJobsDead": "vip_durable_jobs",
        "WebhookDeliveriesFailing": "vip_webhook_deliveries",
        "NotificationsFailing": "vip_notifications",
        "DailyJobNotRun": "vip_job_last_success_timestamp_seconds",
        "NextYearCalendarMissing": "vip_calendar_next_year_overdue",
        "GatewayHigh5xxRate": "vip_gateway_requests_total",
        "ServiceHigh5xxRate": "http_requests_total",
    }
    for alert, metric in needed.items():
        assert metric in alerts[alert]["expr"], alert


def test_dashboards_are_what_the_generator_renders() -> None:
    rendered = render()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in (OBS / "dashboards").glob("*.json")}
    assert set(on_disk) == set(rendered) >= {"platform.json", "gateway.json", "booking.json", "notifier.json"}
    for name, text in rendered.items():
        assert on_disk[name] == text, f"{name} drifted: run python scripts/build_dashboards.py"


def test_promtool_accepts_the_rules() -> None:
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.skip("promtool not installed (CI installs it: .ci/run)")
    result = subprocess.run([promtool, "check", "rules", str(OBS / "alerts.yml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    config = subprocess.run(
        [promtool, "check", "config", "--syntax-only", str(OBS / "prometheus.yml")], capture_output=True, text=True
    )
    assert config.returncode == 0, config.stdout + config.stderr


def test_prometheus_config_scrapes_every_service_the_dashboards_use() -> None:
    config = yaml.safe_load((OBS / "prometheus.yml").read_text(encoding="utf-8"))
    jobs = {job["job_name"] for job in config["scrape_configs"]}
    assert jobs == {"tiering", "entitlements", "booking", "revisit", "notifier", "gateway"}
    assert config["rule_files"] == ["alerts.yml"]
    used_jobs = {m for exprs in dashboard_exprs().values() for e in exprs for m in re.findall(r'job="([a-z]+)"', e)}
    assert used_jobs <= jobs
