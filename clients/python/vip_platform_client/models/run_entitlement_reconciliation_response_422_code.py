from typing import Literal

RunEntitlementReconciliationResponse422Code = Literal['validation_error']

RUN_ENTITLEMENT_RECONCILIATION_RESPONSE_422_CODE_VALUES: set[RunEntitlementReconciliationResponse422Code] = { 'validation_error',  }

def check_run_entitlement_reconciliation_response_422_code(value: str) -> RunEntitlementReconciliationResponse422Code:
    if value in RUN_ENTITLEMENT_RECONCILIATION_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RUN_ENTITLEMENT_RECONCILIATION_RESPONSE_422_CODE_VALUES!r}")
