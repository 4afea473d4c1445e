from typing import Literal

ResolveTieringParkedOutboxRowResponse401Code = Literal['unauthorized']

RESOLVE_TIERING_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES: set[ResolveTieringParkedOutboxRowResponse401Code] = { 'unauthorized',  }

def check_resolve_tiering_parked_outbox_row_response_401_code(value: str) -> ResolveTieringParkedOutboxRowResponse401Code:
    if value in RESOLVE_TIERING_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_TIERING_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES!r}")
