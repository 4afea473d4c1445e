from typing import Literal

DeliveryAttemptReadOutcome = Literal['failed', 'sent']

DELIVERY_ATTEMPT_READ_OUTCOME_VALUES: set[DeliveryAttemptReadOutcome] = { 'failed', 'sent',  }

def check_delivery_attempt_read_outcome(value: str) -> DeliveryAttemptReadOutcome:
    if value in DELIVERY_ATTEMPT_READ_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELIVERY_ATTEMPT_READ_OUTCOME_VALUES!r}")
