from typing import Literal

ResolveEntitlementsParkedOutboxRowResponse422Code = Literal['validation_error']

RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES: set[ResolveEntitlementsParkedOutboxRowResponse422Code] = { 'validation_error',  }

def check_resolve_entitlements_parked_outbox_row_response_422_code(value: str) -> ResolveEntitlementsParkedOutboxRowResponse422Code:
    if value in RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES!r}")
