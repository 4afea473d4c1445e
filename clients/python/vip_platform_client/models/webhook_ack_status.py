from typing import Literal

WebhookAckStatus = Literal['applied', 'duplicate', 'unchanged']

WEBHOOK_ACK_STATUS_VALUES: set[WebhookAckStatus] = { 'applied', 'duplicate', 'unchanged',  }

def check_webhook_ack_status(value: str) -> WebhookAckStatus:
    if value in WEBHOOK_ACK_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_ACK_STATUS_VALUES!r}")
