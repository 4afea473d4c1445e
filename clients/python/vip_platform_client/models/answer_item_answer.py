from typing import Literal

AnswerItemAnswer = Literal['no', 'yes']

ANSWER_ITEM_ANSWER_VALUES: set[AnswerItemAnswer] = { 'no', 'yes',  }

def check_answer_item_answer(value: str) -> AnswerItemAnswer:
    if value in ANSWER_ITEM_ANSWER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ANSWER_ITEM_ANSWER_VALUES!r}")
