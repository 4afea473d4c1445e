from typing import Literal

ListEntitlementsDeadLettersResponse422Code = Literal['validation_error']

LIST_ENTITLEMENTS_DEAD_LETTERS_RESPONSE_422_CODE_VALUES: set[ListEntitlementsDeadLettersResponse422Code] = { 'validation_error',  }

def check_list_entitlements_dead_letters_response_422_code(value: str) -> ListEntitlementsDeadLettersResponse422Code:
    if value in LIST_ENTITLEMENTS_DEAD_LETTERS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ENTITLEMENTS_DEAD_LETTERS_RESPONSE_422_CODE_VALUES!r}")
