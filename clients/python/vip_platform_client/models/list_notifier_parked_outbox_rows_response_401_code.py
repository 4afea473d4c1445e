from typing import Literal

ListNotifierParkedOutboxRowsResponse401Code = Literal['unauthorized']

LIST_NOTIFIER_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES: set[ListNotifierParkedOutboxRowsResponse401Code] = { 'unauthorized',  }

def check_list_notifier_parked_outbox_rows_response_401_code(value: str) -> ListNotifierParkedOutboxRowsResponse401Code:
    if value in LIST_NOTIFIER_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_NOTIFIER_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES!r}")
