from typing import Literal

ListTieringDeadLettersResponse401Code = Literal['unauthorized']

LIST_TIERING_DEAD_LETTERS_RESPONSE_401_CODE_VALUES: set[ListTieringDeadLettersResponse401Code] = { 'unauthorized',  }

def check_list_tiering_dead_letters_response_401_code(value: str) -> ListTieringDeadLettersResponse401Code:
    if value in LIST_TIERING_DEAD_LETTERS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_TIERING_DEAD_LETTERS_RESPONSE_401_CODE_VALUES!r}")
