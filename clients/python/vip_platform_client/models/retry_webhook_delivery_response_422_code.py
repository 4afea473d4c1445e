from typing import Literal

RetryWebhookDeliveryResponse422Code = Literal['validation_error']

RETRY_WEBHOOK_DELIVERY_RESPONSE_422_CODE_VALUES: set[RetryWebhookDeliveryResponse422Code] = { 'validation_error',  }

def check_retry_webhook_delivery_response_422_code(value: str) -> RetryWebhookDeliveryResponse422Code:
    if value in RETRY_WEBHOOK_DELIVERY_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_WEBHOOK_DELIVERY_RESPONSE_422_CODE_VALUES!r}")
