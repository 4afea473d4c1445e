from typing import Literal

CreateRevisitSessionResponse422Code = Literal['identity_mismatch', 'validation_error']

CREATE_REVISIT_SESSION_RESPONSE_422_CODE_VALUES: set[CreateRevisitSessionResponse422Code] = { 'identity_mismatch', 'validation_error',  }

def check_create_revisit_session_response_422_code(value: str) -> CreateRevisitSessionResponse422Code:
    if value in CREATE_REVISIT_SESSION_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_REVISIT_SESSION_RESPONSE_422_CODE_VALUES!r}")
