from typing import Literal

PutCalendarYearResponse422Code = Literal['validation_error']

PUT_CALENDAR_YEAR_RESPONSE_422_CODE_VALUES: set[PutCalendarYearResponse422Code] = { 'validation_error',  }

def check_put_calendar_year_response_422_code(value: str) -> PutCalendarYearResponse422Code:
    if value in PUT_CALENDAR_YEAR_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PUT_CALENDAR_YEAR_RESPONSE_422_CODE_VALUES!r}")
