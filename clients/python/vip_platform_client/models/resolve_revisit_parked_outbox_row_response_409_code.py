from typing import Literal

ResolveRevisitParkedOutboxRowResponse409Code = Literal['conflict']

RESOLVE_REVISIT_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES: set[ResolveRevisitParkedOutboxRowResponse409Code] = { 'conflict',  }

def check_resolve_revisit_parked_outbox_row_response_409_code(value: str) -> ResolveRevisitParkedOutboxRowResponse409Code:
    if value in RESOLVE_REVISIT_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_REVISIT_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES!r}")
