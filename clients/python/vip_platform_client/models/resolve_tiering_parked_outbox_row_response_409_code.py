from typing import Literal

ResolveTieringParkedOutboxRowResponse409Code = Literal['conflict']

RESOLVE_TIERING_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES: set[ResolveTieringParkedOutboxRowResponse409Code] = { 'conflict',  }

def check_resolve_tiering_parked_outbox_row_response_409_code(value: str) -> ResolveTieringParkedOutboxRowResponse409Code:
    if value in RESOLVE_TIERING_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_TIERING_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES!r}")
