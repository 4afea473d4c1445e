from typing import Literal

ReceivePartnerWebhookBodyType = Literal['booking.completed', 'booking.confirmed', 'booking.no_show', 'booking.rejected']

RECEIVE_PARTNER_WEBHOOK_BODY_TYPE_VALUES: set[ReceivePartnerWebhookBodyType] = { 'booking.completed', 'booking.confirmed', 'booking.no_show', 'booking.rejected',  }

def check_receive_partner_webhook_body_type(value: str) -> ReceivePartnerWebhookBodyType:
    if value in RECEIVE_PARTNER_WEBHOOK_BODY_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECEIVE_PARTNER_WEBHOOK_BODY_TYPE_VALUES!r}")
