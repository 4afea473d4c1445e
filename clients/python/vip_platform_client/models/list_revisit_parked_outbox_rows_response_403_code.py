from typing import Literal

ListRevisitParkedOutboxRowsResponse403Code = Literal['forbidden']

LIST_REVISIT_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES: set[ListRevisitParkedOutboxRowsResponse403Code] = { 'forbidden',  }

def check_list_revisit_parked_outbox_rows_response_403_code(value: str) -> ListRevisitParkedOutboxRowsResponse403Code:
    if value in LIST_REVISIT_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_REVISIT_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES!r}")
