from typing import Literal

UpsertPartnerResponse428Code = Literal['precondition_required']

UPSERT_PARTNER_RESPONSE_428_CODE_VALUES: set[UpsertPartnerResponse428Code] = { 'precondition_required',  }

def check_upsert_partner_response_428_code(value: str) -> UpsertPartnerResponse428Code:
    if value in UPSERT_PARTNER_RESPONSE_428_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UPSERT_PARTNER_RESPONSE_428_CODE_VALUES!r}")
