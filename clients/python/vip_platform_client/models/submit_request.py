from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.answer_item import AnswerItem





T = TypeVar("T", bound="SubmitRequest")



@_attrs_define
class SubmitRequest:
    """ The answers; all yes and no remark → completed, else problem (SPEC 5).

        Attributes:
            answers (list[AnswerItem]): One answer per question.
            remark (None | str | Unset): Optional remark (at most 200 characters); any remark makes it a problem case.
     """

    answers: list[AnswerItem]
    remark: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.answer_item import AnswerItem # noqa: PLC0415
        answers = []
        for answers_item_data in self.answers:
            answers_item = answers_item_data.to_dict()
            answers.append(answers_item)



        remark: None | str | Unset
        if isinstance(self.remark, Unset):
            remark = UNSET
        else:
            remark = self.remark


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "answers": answers,
        })
        if remark is not UNSET:
            field_dict["remark"] = remark

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer_item import AnswerItem # noqa: PLC0415
        d = dict(src_dict)
        answers = []
        _answers = d.pop("answers")
        for answers_item_data in (_answers):
            answers_item = AnswerItem.from_dict(answers_item_data)



            answers.append(answers_item)


        def _parse_remark(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        remark = _parse_remark(d.pop("remark", UNSET))


        submit_request = cls(
            answers=answers,
            remark=remark,
        )

        return submit_request

