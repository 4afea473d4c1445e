from typing import Literal

GetClinicResponse404Code = Literal['not_found']

GET_CLINIC_RESPONSE_404_CODE_VALUES: set[GetClinicResponse404Code] = { 'not_found',  }

def check_get_clinic_response_404_code(value: str) -> GetClinicResponse404Code:
    if value in GET_CLINIC_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CLINIC_RESPONSE_404_CODE_VALUES!r}")
