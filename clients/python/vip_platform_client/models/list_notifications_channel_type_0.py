from typing import Literal

ListNotificationsChannelType0 = Literal['sms', 'wechat']

LIST_NOTIFICATIONS_CHANNEL_TYPE_0_VALUES: set[ListNotificationsChannelType0] = { 'sms', 'wechat',  }

def check_list_notifications_channel_type_0(value: str) -> ListNotificationsChannelType0:
    if value in LIST_NOTIFICATIONS_CHANNEL_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_NOTIFICATIONS_CHANNEL_TYPE_0_VALUES!r}")
