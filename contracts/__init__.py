"""Event contracts shared by every service: CloudEvents envelope, topic names, data models.

The JSON Schemas in ``schemas/`` and ``asyncapi.yaml`` are generated from these models by
``python -m contracts.generate``; ``tests/test_contracts.py`` fails when they drift.
"""

from contracts.events import (
    EVENT_MODELS,
    TOPICS,
    BookingChangedV1,
    CalendarChangedV1,
    CloudEvent,
    CorePolicyEventV1,
    EntitlementChangedV1,
    NotificationRequestedV1,
    PolicyChangedV1,
    RevisitChangedV1,
    TierChangedV1,
    Topic,
)

__all__ = [
    "EVENT_MODELS",
    "TOPICS",
    "BookingChangedV1",
    "CalendarChangedV1",
    "CloudEvent",
    "CorePolicyEventV1",
    "EntitlementChangedV1",
    "NotificationRequestedV1",
    "PolicyChangedV1",
    "RevisitChangedV1",
    "TierChangedV1",
    "Topic",
]
