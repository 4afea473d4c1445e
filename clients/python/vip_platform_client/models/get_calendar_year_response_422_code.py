from typing import Literal

GetCalendarYearResponse422Code = Literal['validation_error']

GET_CALENDAR_YEAR_RESPONSE_422_CODE_VALUES: set[GetCalendarYearResponse422Code] = { 'validation_error',  }

def check_get_calendar_year_response_422_code(value: str) -> GetCalendarYearResponse422Code:
    if value in GET_CALENDAR_YEAR_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CALENDAR_YEAR_RESPONSE_422_CODE_VALUES!r}")
