from typing import Literal

ListCalendarYearsResponse422Code = Literal['validation_error']

LIST_CALENDAR_YEARS_RESPONSE_422_CODE_VALUES: set[ListCalendarYearsResponse422Code] = { 'validation_error',  }

def check_list_calendar_years_response_422_code(value: str) -> ListCalendarYearsResponse422Code:
    if value in LIST_CALENDAR_YEARS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_CALENDAR_YEARS_RESPONSE_422_CODE_VALUES!r}")
