from typing import Literal

DeleteCalendarOverrideResponse422Code = Literal['validation_error']

DELETE_CALENDAR_OVERRIDE_RESPONSE_422_CODE_VALUES: set[DeleteCalendarOverrideResponse422Code] = { 'validation_error',  }

def check_delete_calendar_override_response_422_code(value: str) -> DeleteCalendarOverrideResponse422Code:
    if value in DELETE_CALENDAR_OVERRIDE_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELETE_CALENDAR_OVERRIDE_RESPONSE_422_CODE_VALUES!r}")
