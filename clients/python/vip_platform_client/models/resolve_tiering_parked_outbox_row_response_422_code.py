from typing import Literal

ResolveTieringParkedOutboxRowResponse422Code = Literal['validation_error']

RESOLVE_TIERING_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES: set[ResolveTieringParkedOutboxRowResponse422Code] = { 'validation_error',  }

def check_resolve_tiering_parked_outbox_row_response_422_code(value: str) -> ResolveTieringParkedOutboxRowResponse422Code:
    if value in RESOLVE_TIERING_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_TIERING_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES!r}")
