from typing import Literal

ListNotifierDeadLettersResponse401Code = Literal['unauthorized']

LIST_NOTIFIER_DEAD_LETTERS_RESPONSE_401_CODE_VALUES: set[ListNotifierDeadLettersResponse401Code] = { 'unauthorized',  }

def check_list_notifier_dead_letters_response_401_code(value: str) -> ListNotifierDeadLettersResponse401Code:
    if value in LIST_NOTIFIER_DEAD_LETTERS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_NOTIFIER_DEAD_LETTERS_RESPONSE_401_CODE_VALUES!r}")
