from typing import Literal

GetNotificationResponse404Code = Literal['not_found']

GET_NOTIFICATION_RESPONSE_404_CODE_VALUES: set[GetNotificationResponse404Code] = { 'not_found',  }

def check_get_notification_response_404_code(value: str) -> GetNotificationResponse404Code:
    if value in GET_NOTIFICATION_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_NOTIFICATION_RESPONSE_404_CODE_VALUES!r}")
