from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.question_read import QuestionRead





T = TypeVar("T", bound="SessionRead")



@_attrs_define
class SessionRead:
    """ An open questionnaire session: the questions and the minimum time.

        Attributes:
            session_id (str): The session's id.
            policy_no (str): The policy number.
            product_name (str): The product's name in Chinese.
            intro (str): The introduction text in Chinese.
            questions (list[QuestionRead]): The questions, in order.
            min_seconds (int): Minimum answer time in seconds from `shown_at` (server-measured).
            seconds_remaining (int): Seconds until a submission is accepted.
            shown_at (str): When the questions were first shown. Asia/Shanghai local time with offset.
            status (str): answering | submitted | aborted
     """

    session_id: str
    policy_no: str
    product_name: str
    intro: str
    questions: list[QuestionRead]
    min_seconds: int
    seconds_remaining: int
    shown_at: str
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.question_read import QuestionRead # noqa: PLC0415
        session_id = self.session_id

        policy_no = self.policy_no

        product_name = self.product_name

        intro = self.intro

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)



        min_seconds = self.min_seconds

        seconds_remaining = self.seconds_remaining

        shown_at = self.shown_at

        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "session_id": session_id,
            "policy_no": policy_no,
            "product_name": product_name,
            "intro": intro,
            "questions": questions,
            "min_seconds": min_seconds,
            "seconds_remaining": seconds_remaining,
            "shown_at": shown_at,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.question_read import QuestionRead # noqa: PLC0415
        d = dict(src_dict)
        session_id = d.pop("session_id")

        policy_no = d.pop("policy_no")

        product_name = d.pop("product_name")

        intro = d.pop("intro")

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in (_questions):
            questions_item = QuestionRead.from_dict(questions_item_data)



            questions.append(questions_item)


        min_seconds = d.pop("min_seconds")

        seconds_remaining = d.pop("seconds_remaining")

        shown_at = d.pop("shown_at")

        status = d.pop("status")

        session_read = cls(
            session_id=session_id,
            policy_no=policy_no,
            product_name=product_name,
            intro=intro,
            questions=questions,
            min_seconds=min_seconds,
            seconds_remaining=seconds_remaining,
            shown_at=shown_at,
            status=status,
        )


        session_read.additional_properties = d
        return session_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
