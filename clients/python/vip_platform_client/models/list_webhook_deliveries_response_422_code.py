from typing import Literal

ListWebhookDeliveriesResponse422Code = Literal['validation_error']

LIST_WEBHOOK_DELIVERIES_RESPONSE_422_CODE_VALUES: set[ListWebhookDeliveriesResponse422Code] = { 'validation_error',  }

def check_list_webhook_deliveries_response_422_code(value: str) -> ListWebhookDeliveriesResponse422Code:
    if value in LIST_WEBHOOK_DELIVERIES_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_WEBHOOK_DELIVERIES_RESPONSE_422_CODE_VALUES!r}")
