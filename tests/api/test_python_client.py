"""The typed Python client (clients/python/vip_platform_client) is what the current merged OpenAPI document
generates: an API change without ``make python-client`` fails here (and in ``make api-check``)."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.build_openapi import merged_document
from scripts.generate_python_client import CLIENT_DIR, PACKAGE, differences, generate


def test_the_checked_in_python_client_is_what_the_document_generates(tmp_path: Path) -> None:
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(merged_document(), ensure_ascii=False, indent=1), encoding="utf-8")
    fresh = tmp_path / PACKAGE
    generate(document, fresh)
    changed = differences(CLIENT_DIR / PACKAGE, fresh)
    assert changed == [], f"run `make python-client` and commit: {changed[:20]}"
    # what the tests and the example call exists, typed: a sample of the operations and the models
    assert (CLIENT_DIR / PACKAGE / "api" / "customer_app" / "create_booking.py").is_file()
    assert "quota_exhausted" in (CLIENT_DIR / PACKAGE / "models" / "create_booking_response_409_code.py").read_text()


def test_a_changed_document_is_seen_as_a_difference(tmp_path: Path) -> None:
    doc = merged_document()
    doc["components"]["schemas"]["BookingRead"]["properties"]["cancel_by"] = doc["components"]["schemas"][
        "BookingRead"
    ]["properties"].pop("cancel_deadline")
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    generate(document, tmp_path / PACKAGE)
    assert "models/booking_read.py" in differences(CLIENT_DIR / PACKAGE, tmp_path / PACKAGE)
