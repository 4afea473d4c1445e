from typing import Literal

PutCalendarYearResponse412Code = Literal['precondition_failed']

PUT_CALENDAR_YEAR_RESPONSE_412_CODE_VALUES: set[PutCalendarYearResponse412Code] = { 'precondition_failed',  }

def check_put_calendar_year_response_412_code(value: str) -> PutCalendarYearResponse412Code:
    if value in PUT_CALENDAR_YEAR_RESPONSE_412_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PUT_CALENDAR_YEAR_RESPONSE_412_CODE_VALUES!r}")
