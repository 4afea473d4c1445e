from typing import Literal

ResolveEntitlementsParkedOutboxRowResponse403Code = Literal['forbidden']

RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES: set[ResolveEntitlementsParkedOutboxRowResponse403Code] = { 'forbidden',  }

def check_resolve_entitlements_parked_outbox_row_response_403_code(value: str) -> ResolveEntitlementsParkedOutboxRowResponse403Code:
    if value in RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES!r}")
