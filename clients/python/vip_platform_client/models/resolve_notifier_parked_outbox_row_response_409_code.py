from typing import Literal

ResolveNotifierParkedOutboxRowResponse409Code = Literal['conflict']

RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES: set[ResolveNotifierParkedOutboxRowResponse409Code] = { 'conflict',  }

def check_resolve_notifier_parked_outbox_row_response_409_code(value: str) -> ResolveNotifierParkedOutboxRowResponse409Code:
    if value in RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES!r}")
