from typing import Literal

CreateRevisitSessionResponse423Code = Literal['session_locked']

CREATE_REVISIT_SESSION_RESPONSE_423_CODE_VALUES: set[CreateRevisitSessionResponse423Code] = { 'session_locked',  }

def check_create_revisit_session_response_423_code(value: str) -> CreateRevisitSessionResponse423Code:
    if value in CREATE_REVISIT_SESSION_RESPONSE_423_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_REVISIT_SESSION_RESPONSE_423_CODE_VALUES!r}")
