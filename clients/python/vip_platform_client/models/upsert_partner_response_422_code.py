from typing import Literal

UpsertPartnerResponse422Code = Literal['validation_error']

UPSERT_PARTNER_RESPONSE_422_CODE_VALUES: set[UpsertPartnerResponse422Code] = { 'validation_error',  }

def check_upsert_partner_response_422_code(value: str) -> UpsertPartnerResponse422Code:
    if value in UPSERT_PARTNER_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UPSERT_PARTNER_RESPONSE_422_CODE_VALUES!r}")
