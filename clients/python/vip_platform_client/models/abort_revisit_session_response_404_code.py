from typing import Literal

AbortRevisitSessionResponse404Code = Literal['not_found']

ABORT_REVISIT_SESSION_RESPONSE_404_CODE_VALUES: set[AbortRevisitSessionResponse404Code] = { 'not_found',  }

def check_abort_revisit_session_response_404_code(value: str) -> AbortRevisitSessionResponse404Code:
    if value in ABORT_REVISIT_SESSION_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ABORT_REVISIT_SESSION_RESPONSE_404_CODE_VALUES!r}")
