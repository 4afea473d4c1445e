from typing import Literal

ListTieringDeadLettersResponse422Code = Literal['validation_error']

LIST_TIERING_DEAD_LETTERS_RESPONSE_422_CODE_VALUES: set[ListTieringDeadLettersResponse422Code] = { 'validation_error',  }

def check_list_tiering_dead_letters_response_422_code(value: str) -> ListTieringDeadLettersResponse422Code:
    if value in LIST_TIERING_DEAD_LETTERS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_TIERING_DEAD_LETTERS_RESPONSE_422_CODE_VALUES!r}")
