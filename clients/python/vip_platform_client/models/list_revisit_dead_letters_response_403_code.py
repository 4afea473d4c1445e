from typing import Literal

ListRevisitDeadLettersResponse403Code = Literal['forbidden']

LIST_REVISIT_DEAD_LETTERS_RESPONSE_403_CODE_VALUES: set[ListRevisitDeadLettersResponse403Code] = { 'forbidden',  }

def check_list_revisit_dead_letters_response_403_code(value: str) -> ListRevisitDeadLettersResponse403Code:
    if value in LIST_REVISIT_DEAD_LETTERS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_REVISIT_DEAD_LETTERS_RESPONSE_403_CODE_VALUES!r}")
