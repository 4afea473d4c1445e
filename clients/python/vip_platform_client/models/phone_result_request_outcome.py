from typing import Literal

PhoneResultRequestOutcome = Literal['completed', 'no_answer']

PHONE_RESULT_REQUEST_OUTCOME_VALUES: set[PhoneResultRequestOutcome] = { 'completed', 'no_answer',  }

def check_phone_result_request_outcome(value: str) -> PhoneResultRequestOutcome:
    if value in PHONE_RESULT_REQUEST_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PHONE_RESULT_REQUEST_OUTCOME_VALUES!r}")
