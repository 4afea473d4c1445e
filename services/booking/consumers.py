"""Booking Kafka consumers."""

from __future__ import annotations

from vipkit.consumer import ConsumerSpec


def consumer_specs() -> list[ConsumerSpec]:
    return []
