from typing import Literal

PaymentMode = Literal['regular', 'single']

PAYMENT_MODE_VALUES: set[PaymentMode] = { 'regular', 'single',  }

def check_payment_mode(value: str) -> PaymentMode:
    if value in PAYMENT_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYMENT_MODE_VALUES!r}")
