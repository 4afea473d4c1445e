from typing import Literal

GetPartnerResponse404Code = Literal['not_found']

GET_PARTNER_RESPONSE_404_CODE_VALUES: set[GetPartnerResponse404Code] = { 'not_found',  }

def check_get_partner_response_404_code(value: str) -> GetPartnerResponse404Code:
    if value in GET_PARTNER_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_PARTNER_RESPONSE_404_CODE_VALUES!r}")
