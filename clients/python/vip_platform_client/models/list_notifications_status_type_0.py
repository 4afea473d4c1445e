from typing import Literal

ListNotificationsStatusType0 = Literal['failed', 'queued', 'sent']

LIST_NOTIFICATIONS_STATUS_TYPE_0_VALUES: set[ListNotificationsStatusType0] = { 'failed', 'queued', 'sent',  }

def check_list_notifications_status_type_0(value: str) -> ListNotificationsStatusType0:
    if value in LIST_NOTIFICATIONS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_NOTIFICATIONS_STATUS_TYPE_0_VALUES!r}")
