from typing import Literal

ListRevisitDeadLettersResponse401Code = Literal['unauthorized']

LIST_REVISIT_DEAD_LETTERS_RESPONSE_401_CODE_VALUES: set[ListRevisitDeadLettersResponse401Code] = { 'unauthorized',  }

def check_list_revisit_dead_letters_response_401_code(value: str) -> ListRevisitDeadLettersResponse401Code:
    if value in LIST_REVISIT_DEAD_LETTERS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_REVISIT_DEAD_LETTERS_RESPONSE_401_CODE_VALUES!r}")
