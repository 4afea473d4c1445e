from typing import Literal

ListOverdueSecondOpinionsResponse422Code = Literal['validation_error']

LIST_OVERDUE_SECOND_OPINIONS_RESPONSE_422_CODE_VALUES: set[ListOverdueSecondOpinionsResponse422Code] = { 'validation_error',  }

def check_list_overdue_second_opinions_response_422_code(value: str) -> ListOverdueSecondOpinionsResponse422Code:
    if value in LIST_OVERDUE_SECOND_OPINIONS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_OVERDUE_SECOND_OPINIONS_RESPONSE_422_CODE_VALUES!r}")
