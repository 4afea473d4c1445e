from typing import Literal

ReceivePartnerWebhookResponse401Code = Literal['invalid_signature']

RECEIVE_PARTNER_WEBHOOK_RESPONSE_401_CODE_VALUES: set[ReceivePartnerWebhookResponse401Code] = { 'invalid_signature',  }

def check_receive_partner_webhook_response_401_code(value: str) -> ReceivePartnerWebhookResponse401Code:
    if value in RECEIVE_PARTNER_WEBHOOK_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECEIVE_PARTNER_WEBHOOK_RESPONSE_401_CODE_VALUES!r}")
