from typing import Literal

CreateRevisitSessionResponse410Code = Literal['link_expired']

CREATE_REVISIT_SESSION_RESPONSE_410_CODE_VALUES: set[CreateRevisitSessionResponse410Code] = { 'link_expired',  }

def check_create_revisit_session_response_410_code(value: str) -> CreateRevisitSessionResponse410Code:
    if value in CREATE_REVISIT_SESSION_RESPONSE_410_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_REVISIT_SESSION_RESPONSE_410_CODE_VALUES!r}")
