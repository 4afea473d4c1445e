from typing import Literal

AbortRevisitSessionResponse422Code = Literal['validation_error']

ABORT_REVISIT_SESSION_RESPONSE_422_CODE_VALUES: set[AbortRevisitSessionResponse422Code] = { 'validation_error',  }

def check_abort_revisit_session_response_422_code(value: str) -> AbortRevisitSessionResponse422Code:
    if value in ABORT_REVISIT_SESSION_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ABORT_REVISIT_SESSION_RESPONSE_422_CODE_VALUES!r}")
