from typing import Literal

RetryWebhookDeliveryResponse404Code = Literal['not_found']

RETRY_WEBHOOK_DELIVERY_RESPONSE_404_CODE_VALUES: set[RetryWebhookDeliveryResponse404Code] = { 'not_found',  }

def check_retry_webhook_delivery_response_404_code(value: str) -> RetryWebhookDeliveryResponse404Code:
    if value in RETRY_WEBHOOK_DELIVERY_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_WEBHOOK_DELIVERY_RESPONSE_404_CODE_VALUES!r}")
