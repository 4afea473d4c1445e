"""SPEC 6: the checked-in JSON Schemas and AsyncAPI document match the pydantic event models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from contracts.events import EVENT_MODELS, TOPICS, CloudEvent
from contracts.generate import render

CONTRACTS = Path(__file__).resolve().parent.parent / "contracts"


@pytest.mark.parametrize("rel", sorted(render()))
def test_checked_in_contract_matches_models(rel: str) -> None:
    path = CONTRACTS / rel
    assert path.exists(), f"{rel} missing: run `python -m contracts.generate`"
    assert path.read_text(encoding="utf-8") == render()[rel], (
        f"{rel} drifted from contracts/events.py: run `python -m contracts.generate` and commit"
    )


def test_every_topic_has_a_schema_and_an_asyncapi_channel() -> None:
    doc = yaml.safe_load((CONTRACTS / "asyncapi.yaml").read_text(encoding="utf-8"))
    assert doc["asyncapi"].startswith("3.")
    addresses = {c["address"] for c in doc["channels"].values()}
    assert addresses == set(TOPICS) == set(EVENT_MODELS)


def test_envelope_schema_requires_cloudevents_attributes() -> None:
    schema = json.loads((CONTRACTS / "schemas" / "tier.changed.v1.json").read_text(encoding="utf-8"))
    for attr in ("specversion", "id", "source", "type", "time", "data"):
        assert attr in schema["required"]
    assert schema["properties"]["data"] == {"$ref": "#/$defs/TierChangedV1"}
    assert set(schema["$defs"]["TierChangedV1"]["required"]) >= {"customer_id", "sequence", "to_tier", "reason"}


def test_a_drifted_model_is_detected(monkeypatch: pytest.MonkeyPatch) -> None:
    """The drift check can fail: changing a model changes the rendered schema."""
    from pydantic import create_model

    from contracts import events

    before = render()["schemas/tier.changed.v1.json"]
    drifted = create_model("TierChangedV1", __base__=events.TierChangedV1, extra_field=(int, 0))
    monkeypatch.setitem(events.EVENT_MODELS, "tier.changed.v1", drifted)
    monkeypatch.setattr("contracts.generate.EVENT_MODELS", events.EVENT_MODELS)
    assert render()["schemas/tier.changed.v1.json"] != before


def test_cloudevent_round_trip() -> None:
    raw = {
        "specversion": "1.0",
        "id": "e1",
        "source": "tiering",
        "type": "com.insurer.vip.tier.changed.v1",
        "time": "2026-01-01T00:00:00+08:00",
        "datacontenttype": "application/json",
        "data": {"x": 1},
    }
    assert CloudEvent.model_validate(raw).data == {"x": 1}
