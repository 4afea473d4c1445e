from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.answer_item_answer import AnswerItemAnswer
from ..models.answer_item_answer import check_answer_item_answer
from typing import cast






T = TypeVar("T", bound="AnswerItem")



@_attrs_define
class AnswerItem:
    """ One answer.

        Attributes:
            question_id (str): The question's id.
            answer (AnswerItemAnswer): yes | no
     """

    question_id: str
    answer: AnswerItemAnswer





    def to_dict(self) -> dict[str, Any]:
        question_id = self.question_id

        answer: str = self.answer


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "question_id": question_id,
            "answer": answer,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        question_id = d.pop("question_id")

        answer = check_answer_item_answer(d.pop("answer"))




        answer_item = cls(
            question_id=question_id,
            answer=answer,
        )

        return answer_item

