from typing import Literal

RecordPhoneResultResponse404Code = Literal['not_found']

RECORD_PHONE_RESULT_RESPONSE_404_CODE_VALUES: set[RecordPhoneResultResponse404Code] = { 'not_found',  }

def check_record_phone_result_response_404_code(value: str) -> RecordPhoneResultResponse404Code:
    if value in RECORD_PHONE_RESULT_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECORD_PHONE_RESULT_RESPONSE_404_CODE_VALUES!r}")
