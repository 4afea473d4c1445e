from typing import Literal

ResolveTieringParkedOutboxRowResponse403Code = Literal['forbidden']

RESOLVE_TIERING_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES: set[ResolveTieringParkedOutboxRowResponse403Code] = { 'forbidden',  }

def check_resolve_tiering_parked_outbox_row_response_403_code(value: str) -> ResolveTieringParkedOutboxRowResponse403Code:
    if value in RESOLVE_TIERING_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_TIERING_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES!r}")
