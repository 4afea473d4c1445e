from typing import Literal

SubmitRevisitSessionResponse404Code = Literal['not_found']

SUBMIT_REVISIT_SESSION_RESPONSE_404_CODE_VALUES: set[SubmitRevisitSessionResponse404Code] = { 'not_found',  }

def check_submit_revisit_session_response_404_code(value: str) -> SubmitRevisitSessionResponse404Code:
    if value in SUBMIT_REVISIT_SESSION_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBMIT_REVISIT_SESSION_RESPONSE_404_CODE_VALUES!r}")
