from typing import Literal

ListEntitlementsParkedOutboxRowsResponse422Code = Literal['validation_error']

LIST_ENTITLEMENTS_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES: set[ListEntitlementsParkedOutboxRowsResponse422Code] = { 'validation_error',  }

def check_list_entitlements_parked_outbox_rows_response_422_code(value: str) -> ListEntitlementsParkedOutboxRowsResponse422Code:
    if value in LIST_ENTITLEMENTS_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ENTITLEMENTS_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES!r}")
