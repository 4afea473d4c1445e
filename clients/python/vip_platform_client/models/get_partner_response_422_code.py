from typing import Literal

GetPartnerResponse422Code = Literal['validation_error']

GET_PARTNER_RESPONSE_422_CODE_VALUES: set[GetPartnerResponse422Code] = { 'validation_error',  }

def check_get_partner_response_422_code(value: str) -> GetPartnerResponse422Code:
    if value in GET_PARTNER_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_PARTNER_RESPONSE_422_CODE_VALUES!r}")
