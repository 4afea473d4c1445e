from typing import Literal

PutCalendarOverrideResponse422Code = Literal['validation_error']

PUT_CALENDAR_OVERRIDE_RESPONSE_422_CODE_VALUES: set[PutCalendarOverrideResponse422Code] = { 'validation_error',  }

def check_put_calendar_override_response_422_code(value: str) -> PutCalendarOverrideResponse422Code:
    if value in PUT_CALENDAR_OVERRIDE_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PUT_CALENDAR_OVERRIDE_RESPONSE_422_CODE_VALUES!r}")
