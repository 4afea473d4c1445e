from typing import Literal

ListEntitlementsDeadLettersResponse403Code = Literal['forbidden']

LIST_ENTITLEMENTS_DEAD_LETTERS_RESPONSE_403_CODE_VALUES: set[ListEntitlementsDeadLettersResponse403Code] = { 'forbidden',  }

def check_list_entitlements_dead_letters_response_403_code(value: str) -> ListEntitlementsDeadLettersResponse403Code:
    if value in LIST_ENTITLEMENTS_DEAD_LETTERS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ENTITLEMENTS_DEAD_LETTERS_RESPONSE_403_CODE_VALUES!r}")
