from typing import Literal

ListNotifierParkedOutboxRowsResponse422Code = Literal['validation_error']

LIST_NOTIFIER_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES: set[ListNotifierParkedOutboxRowsResponse422Code] = { 'validation_error',  }

def check_list_notifier_parked_outbox_rows_response_422_code(value: str) -> ListNotifierParkedOutboxRowsResponse422Code:
    if value in LIST_NOTIFIER_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_NOTIFIER_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES!r}")
