from typing import Literal

RetryNotificationResponse409Code = Literal['illegal_transition']

RETRY_NOTIFICATION_RESPONSE_409_CODE_VALUES: set[RetryNotificationResponse409Code] = { 'illegal_transition',  }

def check_retry_notification_response_409_code(value: str) -> RetryNotificationResponse409Code:
    if value in RETRY_NOTIFICATION_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_NOTIFICATION_RESPONSE_409_CODE_VALUES!r}")
