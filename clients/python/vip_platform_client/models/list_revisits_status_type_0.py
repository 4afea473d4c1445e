from typing import Literal

ListRevisitsStatusType0 = Literal['closed', 'completed', 'pending', 'phone_queue', 'problem', 'sms_sent']

LIST_REVISITS_STATUS_TYPE_0_VALUES: set[ListRevisitsStatusType0] = { 'closed', 'completed', 'pending', 'phone_queue', 'problem', 'sms_sent',  }

def check_list_revisits_status_type_0(value: str) -> ListRevisitsStatusType0:
    if value in LIST_REVISITS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_REVISITS_STATUS_TYPE_0_VALUES!r}")
