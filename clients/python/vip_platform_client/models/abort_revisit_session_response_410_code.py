from typing import Literal

AbortRevisitSessionResponse410Code = Literal['link_expired']

ABORT_REVISIT_SESSION_RESPONSE_410_CODE_VALUES: set[AbortRevisitSessionResponse410Code] = { 'link_expired',  }

def check_abort_revisit_session_response_410_code(value: str) -> AbortRevisitSessionResponse410Code:
    if value in ABORT_REVISIT_SESSION_RESPONSE_410_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ABORT_REVISIT_SESSION_RESPONSE_410_CODE_VALUES!r}")
