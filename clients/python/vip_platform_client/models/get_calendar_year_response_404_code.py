from typing import Literal

GetCalendarYearResponse404Code = Literal['not_found']

GET_CALENDAR_YEAR_RESPONSE_404_CODE_VALUES: set[GetCalendarYearResponse404Code] = { 'not_found',  }

def check_get_calendar_year_response_404_code(value: str) -> GetCalendarYearResponse404Code:
    if value in GET_CALENDAR_YEAR_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CALENDAR_YEAR_RESPONSE_404_CODE_VALUES!r}")
