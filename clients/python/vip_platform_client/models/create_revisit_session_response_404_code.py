from typing import Literal

CreateRevisitSessionResponse404Code = Literal['not_found']

CREATE_REVISIT_SESSION_RESPONSE_404_CODE_VALUES: set[CreateRevisitSessionResponse404Code] = { 'not_found',  }

def check_create_revisit_session_response_404_code(value: str) -> CreateRevisitSessionResponse404Code:
    if value in CREATE_REVISIT_SESSION_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_REVISIT_SESSION_RESPONSE_404_CODE_VALUES!r}")
