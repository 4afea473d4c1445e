from typing import Literal

ReservationConsumeReason = Literal['cancelled_late', 'completed', 'no_show']

RESERVATION_CONSUME_REASON_VALUES: set[ReservationConsumeReason] = { 'cancelled_late', 'completed', 'no_show',  }

def check_reservation_consume_reason(value: str) -> ReservationConsumeReason:
    if value in RESERVATION_CONSUME_REASON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESERVATION_CONSUME_REASON_VALUES!r}")
