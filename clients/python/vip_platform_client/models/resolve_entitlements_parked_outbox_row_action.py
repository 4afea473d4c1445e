from typing import Literal

ResolveEntitlementsParkedOutboxRowAction = Literal['discard', 'retry']

RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_ACTION_VALUES: set[ResolveEntitlementsParkedOutboxRowAction] = { 'discard', 'retry',  }

def check_resolve_entitlements_parked_outbox_row_action(value: str) -> ResolveEntitlementsParkedOutboxRowAction:
    if value in RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_ENTITLEMENTS_PARKED_OUTBOX_ROW_ACTION_VALUES!r}")
