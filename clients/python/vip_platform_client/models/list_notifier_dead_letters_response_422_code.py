from typing import Literal

ListNotifierDeadLettersResponse422Code = Literal['validation_error']

LIST_NOTIFIER_DEAD_LETTERS_RESPONSE_422_CODE_VALUES: set[ListNotifierDeadLettersResponse422Code] = { 'validation_error',  }

def check_list_notifier_dead_letters_response_422_code(value: str) -> ListNotifierDeadLettersResponse422Code:
    if value in LIST_NOTIFIER_DEAD_LETTERS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_NOTIFIER_DEAD_LETTERS_RESPONSE_422_CODE_VALUES!r}")
