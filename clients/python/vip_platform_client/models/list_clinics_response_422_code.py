from typing import Literal

ListClinicsResponse422Code = Literal['validation_error']

LIST_CLINICS_RESPONSE_422_CODE_VALUES: set[ListClinicsResponse422Code] = { 'validation_error',  }

def check_list_clinics_response_422_code(value: str) -> ListClinicsResponse422Code:
    if value in LIST_CLINICS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_CLINICS_RESPONSE_422_CODE_VALUES!r}")
