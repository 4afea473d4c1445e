from typing import Literal

ReceivePartnerWebhookResponse409Code = Literal['illegal_transition']

RECEIVE_PARTNER_WEBHOOK_RESPONSE_409_CODE_VALUES: set[ReceivePartnerWebhookResponse409Code] = { 'illegal_transition',  }

def check_receive_partner_webhook_response_409_code(value: str) -> ReceivePartnerWebhookResponse409Code:
    if value in RECEIVE_PARTNER_WEBHOOK_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECEIVE_PARTNER_WEBHOOK_RESPONSE_409_CODE_VALUES!r}")
