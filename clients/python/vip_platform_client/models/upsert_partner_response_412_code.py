from typing import Literal

UpsertPartnerResponse412Code = Literal['precondition_failed']

UPSERT_PARTNER_RESPONSE_412_CODE_VALUES: set[UpsertPartnerResponse412Code] = { 'precondition_failed',  }

def check_upsert_partner_response_412_code(value: str) -> UpsertPartnerResponse412Code:
    if value in UPSERT_PARTNER_RESPONSE_412_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UPSERT_PARTNER_RESPONSE_412_CODE_VALUES!r}")
