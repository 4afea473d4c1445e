from typing import Literal

ResolveRevisitParkedOutboxRowResponse403Code = Literal['forbidden']

RESOLVE_REVISIT_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES: set[ResolveRevisitParkedOutboxRowResponse403Code] = { 'forbidden',  }

def check_resolve_revisit_parked_outbox_row_response_403_code(value: str) -> ResolveRevisitParkedOutboxRowResponse403Code:
    if value in RESOLVE_REVISIT_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_REVISIT_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES!r}")
