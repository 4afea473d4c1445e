from typing import Literal

TopUpKind = Literal['ad_hoc', 'initial_lump_sum', 'regular_additional']

TOP_UP_KIND_VALUES: set[TopUpKind] = { 'ad_hoc', 'initial_lump_sum', 'regular_additional',  }

def check_top_up_kind(value: str) -> TopUpKind:
    if value in TOP_UP_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOP_UP_KIND_VALUES!r}")
