from typing import Literal

RunEntitlementReconciliationResponse503Code = Literal['service_unavailable']

RUN_ENTITLEMENT_RECONCILIATION_RESPONSE_503_CODE_VALUES: set[RunEntitlementReconciliationResponse503Code] = { 'service_unavailable',  }

def check_run_entitlement_reconciliation_response_503_code(value: str) -> RunEntitlementReconciliationResponse503Code:
    if value in RUN_ENTITLEMENT_RECONCILIATION_RESPONSE_503_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RUN_ENTITLEMENT_RECONCILIATION_RESPONSE_503_CODE_VALUES!r}")
