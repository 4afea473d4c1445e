from typing import Literal

PutCalendarYearResponse428Code = Literal['precondition_required']

PUT_CALENDAR_YEAR_RESPONSE_428_CODE_VALUES: set[PutCalendarYearResponse428Code] = { 'precondition_required',  }

def check_put_calendar_year_response_428_code(value: str) -> PutCalendarYearResponse428Code:
    if value in PUT_CALENDAR_YEAR_RESPONSE_428_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PUT_CALENDAR_YEAR_RESPONSE_428_CODE_VALUES!r}")
