"""OpenAPI documentation of the notifier service's operations (applied by ``vipkit.app``)."""

from __future__ import annotations

from vipkit.openapi_docs import OPS, Op

DOCS: dict[str, Op] = {
    "list_notifications": Op(
        "listNotifications",
        "Notifications sent",
        "SMS and WeChat messages with the full text, time and delivery status (mobile numbers masked), "
        "by `customer_id`.",
        (OPS,),
        "Notifications",
        ("validation_error",),
        "SPEC 4.2, 5 (notifications)",
    ),
    "get_notification": Op(
        "getNotification",
        "Read a notification",
        "With its delivery attempts.",
        (OPS,),
        "Notifications",
        ("not_found", "validation_error"),
    ),
    "retry_notification": Op(
        "retryNotification",
        "Send a failed notification again",
        "Queues a failed notification again, e.g. after a provider outage.",
        (OPS,),
        "Notifications",
        ("not_found", "illegal_transition", "validation_error"),
        idempotency_key=True,
    ),
}
