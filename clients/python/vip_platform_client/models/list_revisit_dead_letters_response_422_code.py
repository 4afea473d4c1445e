from typing import Literal

ListRevisitDeadLettersResponse422Code = Literal['validation_error']

LIST_REVISIT_DEAD_LETTERS_RESPONSE_422_CODE_VALUES: set[ListRevisitDeadLettersResponse422Code] = { 'validation_error',  }

def check_list_revisit_dead_letters_response_422_code(value: str) -> ListRevisitDeadLettersResponse422Code:
    if value in LIST_REVISIT_DEAD_LETTERS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_REVISIT_DEAD_LETTERS_RESPONSE_422_CODE_VALUES!r}")
