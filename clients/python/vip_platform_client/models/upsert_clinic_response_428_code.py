from typing import Literal

UpsertClinicResponse428Code = Literal['precondition_required']

UPSERT_CLINIC_RESPONSE_428_CODE_VALUES: set[UpsertClinicResponse428Code] = { 'precondition_required',  }

def check_upsert_clinic_response_428_code(value: str) -> UpsertClinicResponse428Code:
    if value in UPSERT_CLINIC_RESPONSE_428_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UPSERT_CLINIC_RESPONSE_428_CODE_VALUES!r}")
