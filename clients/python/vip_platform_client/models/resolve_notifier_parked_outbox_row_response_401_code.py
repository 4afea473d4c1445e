from typing import Literal

ResolveNotifierParkedOutboxRowResponse401Code = Literal['unauthorized']

RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES: set[ResolveNotifierParkedOutboxRowResponse401Code] = { 'unauthorized',  }

def check_resolve_notifier_parked_outbox_row_response_401_code(value: str) -> ResolveNotifierParkedOutboxRowResponse401Code:
    if value in RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES!r}")
