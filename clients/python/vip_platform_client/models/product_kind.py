from typing import Literal

ProductKind = Literal['accident', 'health', 'investment_linked', 'participating', 'traditional', 'universal']

PRODUCT_KIND_VALUES: set[ProductKind] = { 'accident', 'health', 'investment_linked', 'participating', 'traditional', 'universal',  }

def check_product_kind(value: str) -> ProductKind:
    if value in PRODUCT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRODUCT_KIND_VALUES!r}")
