from typing import Literal

RecordPhoneResultResponse422Code = Literal['validation_error']

RECORD_PHONE_RESULT_RESPONSE_422_CODE_VALUES: set[RecordPhoneResultResponse422Code] = { 'validation_error',  }

def check_record_phone_result_response_422_code(value: str) -> RecordPhoneResultResponse422Code:
    if value in RECORD_PHONE_RESULT_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECORD_PHONE_RESULT_RESPONSE_422_CODE_VALUES!r}")
