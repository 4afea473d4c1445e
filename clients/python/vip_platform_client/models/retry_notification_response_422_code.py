from typing import Literal

RetryNotificationResponse422Code = Literal['validation_error']

RETRY_NOTIFICATION_RESPONSE_422_CODE_VALUES: set[RetryNotificationResponse422Code] = { 'validation_error',  }

def check_retry_notification_response_422_code(value: str) -> RetryNotificationResponse422Code:
    if value in RETRY_NOTIFICATION_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_NOTIFICATION_RESPONSE_422_CODE_VALUES!r}")
