from typing import Literal

SubmitRevisitSessionResponse422Code = Literal['answered_too_fast', 'validation_error']

SUBMIT_REVISIT_SESSION_RESPONSE_422_CODE_VALUES: set[SubmitRevisitSessionResponse422Code] = { 'answered_too_fast', 'validation_error',  }

def check_submit_revisit_session_response_422_code(value: str) -> SubmitRevisitSessionResponse422Code:
    if value in SUBMIT_REVISIT_SESSION_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBMIT_REVISIT_SESSION_RESPONSE_422_CODE_VALUES!r}")
