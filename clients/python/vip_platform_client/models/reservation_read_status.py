from typing import Literal

ReservationReadStatus = Literal['consumed', 'released', 'reserved']

RESERVATION_READ_STATUS_VALUES: set[ReservationReadStatus] = { 'consumed', 'released', 'reserved',  }

def check_reservation_read_status(value: str) -> ReservationReadStatus:
    if value in RESERVATION_READ_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESERVATION_READ_STATUS_VALUES!r}")
