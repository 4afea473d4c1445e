from typing import Literal

ListWorkingDaysResponse422Code = Literal['calendar_unknown', 'validation_error']

LIST_WORKING_DAYS_RESPONSE_422_CODE_VALUES: set[ListWorkingDaysResponse422Code] = { 'calendar_unknown', 'validation_error',  }

def check_list_working_days_response_422_code(value: str) -> ListWorkingDaysResponse422Code:
    if value in LIST_WORKING_DAYS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_WORKING_DAYS_RESPONSE_422_CODE_VALUES!r}")
