from typing import Literal

ReservationReleaseReason = Literal['booking_failed', 'cancelled', 'rejected']

RESERVATION_RELEASE_REASON_VALUES: set[ReservationReleaseReason] = { 'booking_failed', 'cancelled', 'rejected',  }

def check_reservation_release_reason(value: str) -> ReservationReleaseReason:
    if value in RESERVATION_RELEASE_REASON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESERVATION_RELEASE_REASON_VALUES!r}")
