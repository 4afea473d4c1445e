from typing import Literal

ListNotifierDeadLettersResponse403Code = Literal['forbidden']

LIST_NOTIFIER_DEAD_LETTERS_RESPONSE_403_CODE_VALUES: set[ListNotifierDeadLettersResponse403Code] = { 'forbidden',  }

def check_list_notifier_dead_letters_response_403_code(value: str) -> ListNotifierDeadLettersResponse403Code:
    if value in LIST_NOTIFIER_DEAD_LETTERS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_NOTIFIER_DEAD_LETTERS_RESPONSE_403_CODE_VALUES!r}")
