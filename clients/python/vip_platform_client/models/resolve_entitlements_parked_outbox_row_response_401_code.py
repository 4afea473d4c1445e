from typing import Literal

ResolveEntitlementsParkedOutboxRowResponse401Code = Literal['unauthorized']

RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES: set[ResolveEntitlementsParkedOutboxRowResponse401Code] = { 'unauthorized',  }

def check_resolve_entitlements_parked_outbox_row_response_401_code(value: str) -> ResolveEntitlementsParkedOutboxRowResponse401Code:
    if value in RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES!r}")
