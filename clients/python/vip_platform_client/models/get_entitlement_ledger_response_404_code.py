from typing import Literal

GetEntitlementLedgerResponse404Code = Literal['not_found']

GET_ENTITLEMENT_LEDGER_RESPONSE_404_CODE_VALUES: set[GetEntitlementLedgerResponse404Code] = { 'not_found',  }

def check_get_entitlement_ledger_response_404_code(value: str) -> GetEntitlementLedgerResponse404Code:
    if value in GET_ENTITLEMENT_LEDGER_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ENTITLEMENT_LEDGER_RESPONSE_404_CODE_VALUES!r}")
