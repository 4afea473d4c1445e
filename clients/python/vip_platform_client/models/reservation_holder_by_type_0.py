from typing import Literal

ReservationHolderByType0 = Literal['attempt', 'booking', 'second_opinion']

RESERVATION_HOLDER_BY_TYPE_0_VALUES: set[ReservationHolderByType0] = { 'attempt', 'booking', 'second_opinion',  }

def check_reservation_holder_by_type_0(value: str) -> ReservationHolderByType0:
    if value in RESERVATION_HOLDER_BY_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESERVATION_HOLDER_BY_TYPE_0_VALUES!r}")
