from typing import Literal

ListPhoneQueueStatusType0 = Literal['done', 'open']

LIST_PHONE_QUEUE_STATUS_TYPE_0_VALUES: set[ListPhoneQueueStatusType0] = { 'done', 'open',  }

def check_list_phone_queue_status_type_0(value: str) -> ListPhoneQueueStatusType0:
    if value in LIST_PHONE_QUEUE_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_PHONE_QUEUE_STATUS_TYPE_0_VALUES!r}")
