"""``vipkit.ids``: event ids are version-7 UUIDs (RFC 9562), strictly increasing in the order one call
makes them (across the 4,096 a millisecond holds), led by the time, and unique across calls."""

from __future__ import annotations

import time
import uuid

from vipkit.ids import PER_MILLISECOND, uuid7_string, uuid7_strings


def test_ids_are_version_7_with_the_rfc_variant():
    for text in [*uuid7_strings(64), uuid7_string()]:
        value = uuid.UUID(text)
        assert str(value) == text  # canonical: lower-case hex, 8-4-4-4-12
        assert value.version == 7
        assert value.variant == uuid.RFC_4122


def test_ids_of_one_call_increase_in_order_past_a_millisecond_of_counter():
    ids = uuid7_strings(2 * PER_MILLISECOND + 10, now_ms=1_796_600_000_000)
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    stamps = [uuid.UUID(i).int >> 80 for i in ids]
    assert stamps[0] == 1_796_600_000_000
    assert stamps[PER_MILLISECOND - 1] == 1_796_600_000_000
    assert stamps[PER_MILLISECOND] == 1_796_600_000_001  # the counter wrapped: the time moved on
    assert stamps[-1] == 1_796_600_000_002


def test_ids_lead_with_the_current_time():
    before = time.time_ns() // 1_000_000
    stamp = uuid.UUID(uuid7_string()).int >> 80
    after = time.time_ns() // 1_000_000
    assert before <= stamp <= after


def test_ids_of_calls_in_the_same_millisecond_do_not_collide():
    ids = [i for _ in range(200) for i in uuid7_strings(50, now_ms=1_796_600_000_000)]
    assert len(set(ids)) == len(ids)  # same time and counters: the 62 random bits tell them apart
    tails = {uuid.UUID(i).int & ((1 << 62) - 1) for i in ids}
    assert len(tails) == len(ids)
