from typing import Literal

ResolveRevisitParkedOutboxRowResponse422Code = Literal['validation_error']

RESOLVE_REVISIT_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES: set[ResolveRevisitParkedOutboxRowResponse422Code] = { 'validation_error',  }

def check_resolve_revisit_parked_outbox_row_response_422_code(value: str) -> ResolveRevisitParkedOutboxRowResponse422Code:
    if value in RESOLVE_REVISIT_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_REVISIT_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES!r}")
