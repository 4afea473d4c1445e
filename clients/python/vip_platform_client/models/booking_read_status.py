from typing import Literal

BookingReadStatus = Literal['cancelled', 'cancelled_late', 'completed', 'confirmed', 'no_show', 'pending', 'rejected']

BOOKING_READ_STATUS_VALUES: set[BookingReadStatus] = { 'cancelled', 'cancelled_late', 'completed', 'confirmed', 'no_show', 'pending', 'rejected',  }

def check_booking_read_status(value: str) -> BookingReadStatus:
    if value in BOOKING_READ_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BOOKING_READ_STATUS_VALUES!r}")
