"""Tiering's events serialized from plain values (issue 17: bulk imports and cold re-ratings build
hundreds of thousands of events; a pydantic model and dump per event was a fifth of their CPU).

Each builder returns exactly ``model_dump_json()`` of the contract model it stands for
(``PolicyChangedV1``, ``TierChangedV1``, ``NotificationRequestedV1``): same field order, pydantic's
encodings (strings unescaped beyond JSON's own escapes, ``Decimal`` as its string, a zero UTC
offset as ``Z``). ``tests/test_event_json.py`` compares each with pydantic's on awkward values.
A policy document is dumped by pydantic once per policy (``document_json``); its content hash and the
event's copy (with the cooling-off end filled in) are cut from that one dump.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from contracts.events import NotificationChannel
from contracts.policy import PolicyDocument
from vipkit.events import EventJson
from vipkit.json_values import day, decimal, moment, text

VERSION_FIELD = ',"version":'  # the last field of PolicyDocument: cut off for the content hash
NO_COOLING_OFF_END = '"cooling_off_end":null,'


def document_json(doc: PolicyDocument) -> tuple[str, str]:
    """The document's JSON (``doc.model_dump_json()``) and its content hash (``service.content_hash``:
    sha256 of the dump without ``version``, the last field; a string value cannot hold the unescaped
    ``,"version":`` that ends the dump)."""
    dump = doc.model_dump_json()
    cut = dump.rindex(VERSION_FIELD)
    return dump, hashlib.sha256(f"{dump[:cut]}}}".encode()).hexdigest()


def with_cooling_off_end(dump: str, given: dt.date | None, cooling_off_end: dt.date) -> str:
    """The dump of ``doc.model_copy(update={"cooling_off_end": cooling_off_end})`` from ``doc``'s dump."""
    if given is not None:
        return dump
    return dump.replace(NO_COOLING_OFF_END, f'"cooling_off_end":"{cooling_off_end.isoformat()}",', 1)


def policy_changed(
    policy_no: str, change: str, holder_id: str, insured_id: str | None, first: bool, policy_json: str
) -> EventJson:
    """``PolicyChangedV1`` (``policy_json``: the document as ``with_cooling_off_end`` gives it)."""
    return EventJson(
        f'{{"policy_no":{text(policy_no)},"change":"{change}","holder_customer_id":{text(holder_id)},'
        f'"insured_customer_id":{text(insured_id)},"first_policy_of_holder":{"true" if first else "false"},'
        f'"policy":{policy_json}}}'
    )


def tier_changed(
    customer_id: str,
    program: str,
    from_tier: str,
    to_tier: str,
    status: str,
    reason: str,
    score: Decimal,
    effective_at: dt.datetime,
    sequence: int,
    birth_date: dt.date | None,
    waiting_from: dt.date | None,
) -> EventJson:
    """``TierChangedV1``, labelled for the metrics by program, reason and target tier."""
    return EventJson(
        f'{{"customer_id":{text(customer_id)},"program":{text(program)},"from_tier":{text(from_tier)},'
        f'"to_tier":{text(to_tier)},"status":{text(status)},"reason":{text(reason)},"score":{decimal(score)},'
        f'"effective_at":{moment(effective_at)},"sequence":{sequence},"birth_date":{day(birth_date)},'
        f'"waiting_from":{day(waiting_from)}}}',
        {"program": program, "reason": reason, "to_tier": to_tier},
    )


def notification_requested(
    customer_id: str, *, mobile: str | None, template: str, text_: str, source: str, reference: str | None
) -> EventJson:
    """``NotificationRequestedV1`` on the SMS channel."""
    return EventJson(
        f'{{"customer_id":{text(customer_id)},"channel":"{NotificationChannel.sms.value}","mobile":{text(mobile)},'
        f'"template":{text(template)},"text":{text(text_)},"source_service":{text(source)},'
        f'"reference":{text(reference)}}}'
    )
