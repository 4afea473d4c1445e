from typing import Literal

ResolveEntitlementsParkedOutboxRowResponse409Code = Literal['conflict']

RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES: set[ResolveEntitlementsParkedOutboxRowResponse409Code] = { 'conflict',  }

def check_resolve_entitlements_parked_outbox_row_response_409_code(value: str) -> ResolveEntitlementsParkedOutboxRowResponse409Code:
    if value in RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES!r}")
