from typing import Literal

GetEntitlementLedgerResponse422Code = Literal['validation_error']

GET_ENTITLEMENT_LEDGER_RESPONSE_422_CODE_VALUES: set[GetEntitlementLedgerResponse422Code] = { 'validation_error',  }

def check_get_entitlement_ledger_response_422_code(value: str) -> GetEntitlementLedgerResponse422Code:
    if value in GET_ENTITLEMENT_LEDGER_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ENTITLEMENT_LEDGER_RESPONSE_422_CODE_VALUES!r}")
