from typing import Literal

ReceivePartnerWebhookResponse422Code = Literal['validation_error']

RECEIVE_PARTNER_WEBHOOK_RESPONSE_422_CODE_VALUES: set[ReceivePartnerWebhookResponse422Code] = { 'validation_error',  }

def check_receive_partner_webhook_response_422_code(value: str) -> ReceivePartnerWebhookResponse422Code:
    if value in RECEIVE_PARTNER_WEBHOOK_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECEIVE_PARTNER_WEBHOOK_RESPONSE_422_CODE_VALUES!r}")
