from typing import Literal

BeneficiaryKind = Literal['holder', 'relative']

BENEFICIARY_KIND_VALUES: set[BeneficiaryKind] = { 'holder', 'relative',  }

def check_beneficiary_kind(value: str) -> BeneficiaryKind:
    if value in BENEFICIARY_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BENEFICIARY_KIND_VALUES!r}")
