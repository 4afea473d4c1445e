from typing import Literal

SubmitRevisitSessionResponse410Code = Literal['link_expired']

SUBMIT_REVISIT_SESSION_RESPONSE_410_CODE_VALUES: set[SubmitRevisitSessionResponse410Code] = { 'link_expired',  }

def check_submit_revisit_session_response_410_code(value: str) -> SubmitRevisitSessionResponse410Code:
    if value in SUBMIT_REVISIT_SESSION_RESPONSE_410_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBMIT_REVISIT_SESSION_RESPONSE_410_CODE_VALUES!r}")
