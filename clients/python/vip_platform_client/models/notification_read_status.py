from typing import Literal

NotificationReadStatus = Literal['failed', 'queued', 'sent']

NOTIFICATION_READ_STATUS_VALUES: set[NotificationReadStatus] = { 'failed', 'queued', 'sent',  }

def check_notification_read_status(value: str) -> NotificationReadStatus:
    if value in NOTIFICATION_READ_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATION_READ_STATUS_VALUES!r}")
