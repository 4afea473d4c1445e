from typing import Literal

ResolveRevisitParkedOutboxRowResponse401Code = Literal['unauthorized']

RESOLVE_REVISIT_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES: set[ResolveRevisitParkedOutboxRowResponse401Code] = { 'unauthorized',  }

def check_resolve_revisit_parked_outbox_row_response_401_code(value: str) -> ResolveRevisitParkedOutboxRowResponse401Code:
    if value in RESOLVE_REVISIT_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_REVISIT_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES!r}")
