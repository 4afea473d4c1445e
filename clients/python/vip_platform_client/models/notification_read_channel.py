from typing import Literal

NotificationReadChannel = Literal['sms', 'wechat']

NOTIFICATION_READ_CHANNEL_VALUES: set[NotificationReadChannel] = { 'sms', 'wechat',  }

def check_notification_read_channel(value: str) -> NotificationReadChannel:
    if value in NOTIFICATION_READ_CHANNEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATION_READ_CHANNEL_VALUES!r}")
