"""Writing events: a CloudEvent row in the outbox, in the caller's transaction (SPEC 6)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import EVENT_MODELS, EVENT_TYPES, CloudEvent
from vipkit import clock, tracing
from vipkit.db import copy_rows, outbox_table
from vipkit.ids import uuid7_string, uuid7_strings
from vipkit.metrics import count_event


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _checked_type(topic: str, data: BaseModel) -> str:
    """The CloudEvents ``type`` of ``topic``, after checking that ``data`` is its contract's model."""
    expected = EVENT_MODELS.get(topic)
    if expected is None:
        raise ValueError(f"unknown topic {topic!r}")
    if not isinstance(data, expected):
        raise TypeError(f"{topic} carries {expected.__name__}, not {type(data).__name__}")
    return EVENT_TYPES[topic]


def build_event(
    topic: str,
    data: BaseModel,
    *,
    source: str,
    subject: str | None = None,
    event_id: str | None = None,
    key: str | None = None,
) -> dict[str, Any]:
    """A CloudEvents 1.0 structured-mode document for ``topic`` (validated against its contract).

    Extensions: ``partitionkey`` (the Kafka key, CloudEvents Kafka binding), ``traceparent`` /
    ``tracestate`` (distributed tracing, when a span is active) and ``testnow`` (SPEC 7.3)."""
    envelope: dict[str, Any] = {
        "specversion": "1.0",
        "id": event_id or uuid7_string(),
        "source": source,
        "type": _checked_type(topic, data),
        "time": clock.now().isoformat(),
        "subject": subject,
        "datacontenttype": "application/json",
        "data": data.model_dump(mode="json"),
    }
    if key is not None:
        envelope["partitionkey"] = key
    tracing.inject(envelope)
    override = clock.override_value()
    if override is not None:
        envelope["testnow"] = override.isoformat()
    return envelope


def _outbox_row(topic: str, envelope: dict[str, Any], key: str) -> dict[str, Any]:
    return {
        "event_id": envelope["id"],
        "topic": topic,
        "key": key,
        "payload": json.dumps(envelope, ensure_ascii=False, separators=(",", ":")),
        "created_at": clock.now(),
        "attempts": 0,
    }


async def add_event(
    session: AsyncSession,
    topic: str,
    data: BaseModel,
    *,
    key: str,
    source: str,
    subject: str | None = None,
    event_id: str | None = None,
) -> str:
    """Add an event to the outbox in the session's transaction; returns the event id.

    ``key`` is the Kafka message key: the customer number, so one customer's events stay ordered.
    """
    with tracing.span(f"outbox {topic}"):
        envelope = build_event(topic, data, source=source, subject=subject or key, event_id=event_id, key=key)
        await session.execute(insert(outbox_table).values(**_outbox_row(topic, envelope, key)))
    session.info["outbox_pending"] = True
    count_event(session, topic, envelope["data"])
    return str(envelope["id"])


# The fields ``metrics.count_event`` labels an outbox event with, per topic (others: the topic only).
_LABEL_FIELDS: dict[str, set[str]] = {
    "tier.changed.v1": {"program", "reason", "to_tier"},
    "booking.changed.v1": {"to_status"},
}


@dataclass(frozen=True, slots=True)
class EventJson:
    """An event's ``data`` already serialized: exactly ``model_dump_json()`` of its contract model (hot
    paths build it from plain values; a test per builder compares it with pydantic's). ``labels``: the
    fields ``metrics.count_event`` counts it by (``_LABEL_FIELDS``)."""

    json: str
    labels: Mapping[str, Any] = field(default_factory=dict)


def _data(topic: str, data: BaseModel | EventJson, types: dict[str, str]) -> tuple[str, str, Mapping[str, Any]]:
    """The event's JSON ``type``, its data's JSON and its metric labels (the type checked once per topic)."""
    if isinstance(data, EventJson):
        if topic not in EVENT_MODELS:
            raise ValueError(f"unknown topic {topic!r}")
        kind = types.get(topic) or types.setdefault(topic, _json(EVENT_TYPES[topic]))
        return kind, data.json, data.labels
    kind = types.get(topic) if type(data) is EVENT_MODELS.get(topic) else None  # type: ignore[assignment]
    if kind is None:
        kind = types[topic] = _json(_checked_type(topic, data))
    fields = _LABEL_FIELDS.get(topic)
    return kind, data.model_dump_json(), data.model_dump(mode="json", include=fields) if fields else {}


async def add_events(
    session: AsyncSession, events: Sequence[tuple[str, BaseModel | EventJson, str]], *, source: str
) -> None:
    """Many ``(topic, data, key)`` events into the outbox in the given order, with one executemany
    (``COPY`` on PostgreSQL for many rows); the same rows as ``add_event``, for jobs, imports and
    consumers that change many customers (or grants) at once.

    Faster per event than ``build_event`` + ``json.dumps`` (issue 17: a quarter of an import's CPU,
    then most of entitlements' outbox writing): each ``data`` is serialized once by pydantic
    (``model_dump_json``) or given serialized (``EventJson``, tiering's bulk paths); the envelope is
    the same JSON, put together from parts serialized once per call (source, type, time, trace
    context, test clock) or per key, and the metrics are counted once per label set. The events of one
    call share their time (``created_at``): they are written in one transaction."""
    if not events:
        return
    common: dict[str, Any] = {}
    tracing.inject(common)
    override = clock.override_value()
    if override is not None:
        common["testnow"] = override.isoformat()
    now = clock.now()
    head = f'"source":{_json(source)},"type":'
    moment = f',"time":{_json(now.isoformat())},"subject":'
    tail = "".join(f",{_json(k)}:{_json(v)}" for k, v in common.items())
    types: dict[str, str] = {}
    keys: dict[str, str] = {}
    counted: dict[tuple[str, tuple[tuple[str, Any], ...]], int] = {}
    rows = []
    for event_id, (topic, data, key) in zip(uuid7_strings(len(events)), events, strict=True):
        kind, data_json, labels = _data(topic, data, types)
        k = keys.get(key) or keys.setdefault(key, _json(key))
        payload = (
            f'{{"specversion":"1.0","id":"{event_id}",{head}{kind}{moment}{k},"datacontenttype":"application/json",'
            f'"partitionkey":{k}{tail},"data":{data_json}}}'
        )
        rows.append(
            {"event_id": event_id, "topic": topic, "key": key, "payload": payload, "created_at": now, "attempts": 0}
        )
        label = (topic, tuple(labels.items()))
        counted[label] = counted.get(label, 0) + 1
    for (topic, items), n in counted.items():
        count_event(session, topic, dict(items), n)
    await copy_rows(session, outbox_table, rows)
    session.info["outbox_pending"] = True


def parse_event(raw: bytes | str) -> CloudEvent:
    """Parse a structured-mode CloudEvent (raises ``ValueError`` on anything else)."""
    try:
        return CloudEvent.model_validate_json(raw)
    except Exception as exc:  # pydantic.ValidationError or JSON errors
        raise ValueError(f"not a CloudEvents 1.0 JSON document: {exc}") from exc


def event_data(event: CloudEvent, topic: str) -> BaseModel:
    """Validate an event's ``data`` against its topic's contract."""
    return EVENT_MODELS[topic].model_validate(event.data)
