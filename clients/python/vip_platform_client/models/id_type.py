from typing import Literal

IdType = Literal['foreign_permanent', 'hk_macau_permit', 'other', 'passport', 'resident_id', 'taiwan_permit']

ID_TYPE_VALUES: set[IdType] = { 'foreign_permanent', 'hk_macau_permit', 'other', 'passport', 'resident_id', 'taiwan_permit',  }

def check_id_type(value: str) -> IdType:
    if value in ID_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ID_TYPE_VALUES!r}")
