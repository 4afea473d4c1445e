from typing import Literal

ListEntitlementsParkedOutboxRowsResponse403Code = Literal['forbidden']

LIST_ENTITLEMENTS_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES: set[ListEntitlementsParkedOutboxRowsResponse403Code] = { 'forbidden',  }

def check_list_entitlements_parked_outbox_rows_response_403_code(value: str) -> ListEntitlementsParkedOutboxRowsResponse403Code:
    if value in LIST_ENTITLEMENTS_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ENTITLEMENTS_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES!r}")
