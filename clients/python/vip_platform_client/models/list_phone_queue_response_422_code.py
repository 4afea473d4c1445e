from typing import Literal

ListPhoneQueueResponse422Code = Literal['validation_error']

LIST_PHONE_QUEUE_RESPONSE_422_CODE_VALUES: set[ListPhoneQueueResponse422Code] = { 'validation_error',  }

def check_list_phone_queue_response_422_code(value: str) -> ListPhoneQueueResponse422Code:
    if value in LIST_PHONE_QUEUE_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_PHONE_QUEUE_RESPONSE_422_CODE_VALUES!r}")
