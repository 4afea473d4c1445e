from typing import Literal

GetNotificationResponse422Code = Literal['validation_error']

GET_NOTIFICATION_RESPONSE_422_CODE_VALUES: set[GetNotificationResponse422Code] = { 'validation_error',  }

def check_get_notification_response_422_code(value: str) -> GetNotificationResponse422Code:
    if value in GET_NOTIFICATION_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_NOTIFICATION_RESPONSE_422_CODE_VALUES!r}")
