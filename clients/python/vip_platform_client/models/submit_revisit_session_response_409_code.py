from typing import Literal

SubmitRevisitSessionResponse409Code = Literal['conflict', 'illegal_transition']

SUBMIT_REVISIT_SESSION_RESPONSE_409_CODE_VALUES: set[SubmitRevisitSessionResponse409Code] = { 'conflict', 'illegal_transition',  }

def check_submit_revisit_session_response_409_code(value: str) -> SubmitRevisitSessionResponse409Code:
    if value in SUBMIT_REVISIT_SESSION_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBMIT_REVISIT_SESSION_RESPONSE_409_CODE_VALUES!r}")
