from typing import Literal

ListRevisitParkedOutboxRowsResponse422Code = Literal['validation_error']

LIST_REVISIT_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES: set[ListRevisitParkedOutboxRowsResponse422Code] = { 'validation_error',  }

def check_list_revisit_parked_outbox_rows_response_422_code(value: str) -> ListRevisitParkedOutboxRowsResponse422Code:
    if value in LIST_REVISIT_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_REVISIT_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES!r}")
