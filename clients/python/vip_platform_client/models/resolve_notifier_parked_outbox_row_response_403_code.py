from typing import Literal

ResolveNotifierParkedOutboxRowResponse403Code = Literal['forbidden']

RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES: set[ResolveNotifierParkedOutboxRowResponse403Code] = { 'forbidden',  }

def check_resolve_notifier_parked_outbox_row_response_403_code(value: str) -> ResolveNotifierParkedOutboxRowResponse403Code:
    if value in RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_NOTIFIER_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES!r}")
