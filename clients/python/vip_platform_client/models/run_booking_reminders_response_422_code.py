from typing import Literal

RunBookingRemindersResponse422Code = Literal['validation_error']

RUN_BOOKING_REMINDERS_RESPONSE_422_CODE_VALUES: set[RunBookingRemindersResponse422Code] = { 'validation_error',  }

def check_run_booking_reminders_response_422_code(value: str) -> RunBookingRemindersResponse422Code:
    if value in RUN_BOOKING_REMINDERS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RUN_BOOKING_REMINDERS_RESPONSE_422_CODE_VALUES!r}")
