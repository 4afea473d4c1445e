from typing import Literal

ListNotificationsResponse422Code = Literal['validation_error']

LIST_NOTIFICATIONS_RESPONSE_422_CODE_VALUES: set[ListNotificationsResponse422Code] = { 'validation_error',  }

def check_list_notifications_response_422_code(value: str) -> ListNotificationsResponse422Code:
    if value in LIST_NOTIFICATIONS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_NOTIFICATIONS_RESPONSE_422_CODE_VALUES!r}")
