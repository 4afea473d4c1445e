from typing import Literal

ResolveTieringParkedOutboxRowAction = Literal['discard', 'retry']

RESOLVE_TIERING_PARKED_OUTBOX_ROW_ACTION_VALUES: set[ResolveTieringParkedOutboxRowAction] = { 'discard', 'retry',  }

def check_resolve_tiering_parked_outbox_row_action(value: str) -> ResolveTieringParkedOutboxRowAction:
    if value in RESOLVE_TIERING_PARKED_OUTBOX_ROW_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_TIERING_PARKED_OUTBOX_ROW_ACTION_VALUES!r}")
