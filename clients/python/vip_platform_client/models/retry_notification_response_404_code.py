from typing import Literal

RetryNotificationResponse404Code = Literal['not_found']

RETRY_NOTIFICATION_RESPONSE_404_CODE_VALUES: set[RetryNotificationResponse404Code] = { 'not_found',  }

def check_retry_notification_response_404_code(value: str) -> RetryNotificationResponse404Code:
    if value in RETRY_NOTIFICATION_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_NOTIFICATION_RESPONSE_404_CODE_VALUES!r}")
