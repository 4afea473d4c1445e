from typing import Literal

AbortRevisitSessionResponse409Code = Literal['conflict', 'illegal_transition']

ABORT_REVISIT_SESSION_RESPONSE_409_CODE_VALUES: set[AbortRevisitSessionResponse409Code] = { 'conflict', 'illegal_transition',  }

def check_abort_revisit_session_response_409_code(value: str) -> AbortRevisitSessionResponse409Code:
    if value in ABORT_REVISIT_SESSION_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ABORT_REVISIT_SESSION_RESPONSE_409_CODE_VALUES!r}")
