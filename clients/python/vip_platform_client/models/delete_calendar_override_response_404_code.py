from typing import Literal

DeleteCalendarOverrideResponse404Code = Literal['not_found']

DELETE_CALENDAR_OVERRIDE_RESPONSE_404_CODE_VALUES: set[DeleteCalendarOverrideResponse404Code] = { 'not_found',  }

def check_delete_calendar_override_response_404_code(value: str) -> DeleteCalendarOverrideResponse404Code:
    if value in DELETE_CALENDAR_OVERRIDE_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELETE_CALENDAR_OVERRIDE_RESPONSE_404_CODE_VALUES!r}")
