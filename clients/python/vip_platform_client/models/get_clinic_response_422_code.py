from typing import Literal

GetClinicResponse422Code = Literal['validation_error']

GET_CLINIC_RESPONSE_422_CODE_VALUES: set[GetClinicResponse422Code] = { 'validation_error',  }

def check_get_clinic_response_422_code(value: str) -> GetClinicResponse422Code:
    if value in GET_CLINIC_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CLINIC_RESPONSE_422_CODE_VALUES!r}")
