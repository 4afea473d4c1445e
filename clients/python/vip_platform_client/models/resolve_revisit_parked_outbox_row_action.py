from typing import Literal

ResolveRevisitParkedOutboxRowAction = Literal['discard', 'retry']

RESOLVE_REVISIT_PARKED_OUTBOX_ROW_ACTION_VALUES: set[ResolveRevisitParkedOutboxRowAction] = { 'discard', 'retry',  }

def check_resolve_revisit_parked_outbox_row_action(value: str) -> ResolveRevisitParkedOutboxRowAction:
    if value in RESOLVE_REVISIT_PARKED_OUTBOX_ROW_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_REVISIT_PARKED_OUTBOX_ROW_ACTION_VALUES!r}")
