from typing import Literal

ListTieringDeadLettersResponse403Code = Literal['forbidden']

LIST_TIERING_DEAD_LETTERS_RESPONSE_403_CODE_VALUES: set[ListTieringDeadLettersResponse403Code] = { 'forbidden',  }

def check_list_tiering_dead_letters_response_403_code(value: str) -> ListTieringDeadLettersResponse403Code:
    if value in LIST_TIERING_DEAD_LETTERS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_TIERING_DEAD_LETTERS_RESPONSE_403_CODE_VALUES!r}")
