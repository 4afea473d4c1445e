from typing import Literal

ListEntitlementsParkedOutboxRowsResponse401Code = Literal['unauthorized']

LIST_ENTITLEMENTS_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES: set[ListEntitlementsParkedOutboxRowsResponse401Code] = { 'unauthorized',  }

def check_list_entitlements_parked_outbox_rows_response_401_code(value: str) -> ListEntitlementsParkedOutboxRowsResponse401Code:
    if value in LIST_ENTITLEMENTS_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ENTITLEMENTS_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES!r}")
