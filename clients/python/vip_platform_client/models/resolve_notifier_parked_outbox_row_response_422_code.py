from typing import Literal

ResolveNotifierParkedOutboxRowResponse422Code = Literal['validation_error']

RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES: set[ResolveNotifierParkedOutboxRowResponse422Code] = { 'validation_error',  }

def check_resolve_notifier_parked_outbox_row_response_422_code(value: str) -> ResolveNotifierParkedOutboxRowResponse422Code:
    if value in RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES!r}")
