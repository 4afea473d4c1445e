from typing import Literal

UpsertClinicResponse422Code = Literal['validation_error']

UPSERT_CLINIC_RESPONSE_422_CODE_VALUES: set[UpsertClinicResponse422Code] = { 'validation_error',  }

def check_upsert_clinic_response_422_code(value: str) -> UpsertClinicResponse422Code:
    if value in UPSERT_CLINIC_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UPSERT_CLINIC_RESPONSE_422_CODE_VALUES!r}")
