from typing import Literal

RelativeUpsertRelation = Literal['child', 'insured', 'parent', 'spouse', 'spouse_parent']

RELATIVE_UPSERT_RELATION_VALUES: set[RelativeUpsertRelation] = { 'child', 'insured', 'parent', 'spouse', 'spouse_parent',  }

def check_relative_upsert_relation(value: str) -> RelativeUpsertRelation:
    if value in RELATIVE_UPSERT_RELATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELATIVE_UPSERT_RELATION_VALUES!r}")
