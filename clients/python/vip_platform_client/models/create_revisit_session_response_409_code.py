from typing import Literal

CreateRevisitSessionResponse409Code = Literal['conflict']

CREATE_REVISIT_SESSION_RESPONSE_409_CODE_VALUES: set[CreateRevisitSessionResponse409Code] = { 'conflict',  }

def check_create_revisit_session_response_409_code(value: str) -> CreateRevisitSessionResponse409Code:
    if value in CREATE_REVISIT_SESSION_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_REVISIT_SESSION_RESPONSE_409_CODE_VALUES!r}")
