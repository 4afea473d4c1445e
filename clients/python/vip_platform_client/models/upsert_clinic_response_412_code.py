from typing import Literal

UpsertClinicResponse412Code = Literal['precondition_failed']

UPSERT_CLINIC_RESPONSE_412_CODE_VALUES: set[UpsertClinicResponse412Code] = { 'precondition_failed',  }

def check_upsert_clinic_response_412_code(value: str) -> UpsertClinicResponse412Code:
    if value in UPSERT_CLINIC_RESPONSE_412_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UPSERT_CLINIC_RESPONSE_412_CODE_VALUES!r}")
