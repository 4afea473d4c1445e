from typing import Literal

ReceivePartnerWebhookResponse404Code = Literal['not_found']

RECEIVE_PARTNER_WEBHOOK_RESPONSE_404_CODE_VALUES: set[ReceivePartnerWebhookResponse404Code] = { 'not_found',  }

def check_receive_partner_webhook_response_404_code(value: str) -> ReceivePartnerWebhookResponse404Code:
    if value in RECEIVE_PARTNER_WEBHOOK_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECEIVE_PARTNER_WEBHOOK_RESPONSE_404_CODE_VALUES!r}")
