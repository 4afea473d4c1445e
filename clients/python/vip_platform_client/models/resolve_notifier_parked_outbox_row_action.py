from typing import Literal

ResolveNotifierParkedOutboxRowAction = Literal['discard', 'retry']

RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_ACTION_VALUES: set[ResolveNotifierParkedOutboxRowAction] = { 'discard', 'retry',  }

def check_resolve_notifier_parked_outbox_row_action(value: str) -> ResolveNotifierParkedOutboxRowAction:
    if value in RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_ACTION_VALUES!r}")
