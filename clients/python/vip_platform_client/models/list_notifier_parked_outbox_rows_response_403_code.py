from typing import Literal

ListNotifierParkedOutboxRowsResponse403Code = Literal['forbidden']

LIST_NOTIFIER_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES: set[ListNotifierParkedOutboxRowsResponse403Code] = { 'forbidden',  }

def check_list_notifier_parked_outbox_rows_response_403_code(value: str) -> ListNotifierParkedOutboxRowsResponse403Code:
    if value in LIST_NOTIFIER_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_NOTIFIER_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES!r}")
