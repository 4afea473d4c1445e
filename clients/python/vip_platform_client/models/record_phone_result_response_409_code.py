from typing import Literal

RecordPhoneResultResponse409Code = Literal['illegal_transition']

RECORD_PHONE_RESULT_RESPONSE_409_CODE_VALUES: set[RecordPhoneResultResponse409Code] = { 'illegal_transition',  }

def check_record_phone_result_response_409_code(value: str) -> RecordPhoneResultResponse409Code:
    if value in RECORD_PHONE_RESULT_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECORD_PHONE_RESULT_RESPONSE_409_CODE_VALUES!r}")
