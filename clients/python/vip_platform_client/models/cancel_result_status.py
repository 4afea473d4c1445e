from typing import Literal

CancelResultStatus = Literal['cancelled', 'cancelled_late']

CANCEL_RESULT_STATUS_VALUES: set[CancelResultStatus] = { 'cancelled', 'cancelled_late',  }

def check_cancel_result_status(value: str) -> CancelResultStatus:
    if value in CANCEL_RESULT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CANCEL_RESULT_STATUS_VALUES!r}")
