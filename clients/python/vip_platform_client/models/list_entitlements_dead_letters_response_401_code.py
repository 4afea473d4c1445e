from typing import Literal

ListEntitlementsDeadLettersResponse401Code = Literal['unauthorized']

LIST_ENTITLEMENTS_DEAD_LETTERS_RESPONSE_401_CODE_VALUES: set[ListEntitlementsDeadLettersResponse401Code] = { 'unauthorized',  }

def check_list_entitlements_dead_letters_response_401_code(value: str) -> ListEntitlementsDeadLettersResponse401Code:
    if value in LIST_ENTITLEMENTS_DEAD_LETTERS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ENTITLEMENTS_DEAD_LETTERS_RESPONSE_401_CODE_VALUES!r}")
