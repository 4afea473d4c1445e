from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.refused_submission_read_answers_item import RefusedSubmissionReadAnswersItem





T = TypeVar("T", bound="RefusedSubmissionRead")



@_attrs_define
class RefusedSubmissionRead:
    """ A too-fast submission, audited like an accepted one (answers, remark, time, IP, user agent).

        Attributes:
            session_id (str): The session's id.
            refusal (str): Why it was refused: answered_too_fast.
            seconds_remaining (int): Seconds still to wait at that moment.
            answers (list[RefusedSubmissionReadAnswersItem]): The answers sent (`{question_id, answer}`).
            remark (None | str): The remark sent, ID and mobile numbers masked.
            ip (None | str): The client IP.
            user_agent (None | str): The browser's user agent.
            at (str): When. Asia/Shanghai local time with offset.
     """

    session_id: str
    refusal: str
    seconds_remaining: int
    answers: list[RefusedSubmissionReadAnswersItem]
    remark: None | str
    ip: None | str
    user_agent: None | str
    at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.refused_submission_read_answers_item import RefusedSubmissionReadAnswersItem # noqa: PLC0415
        session_id = self.session_id

        refusal = self.refusal

        seconds_remaining = self.seconds_remaining

        answers = []
        for answers_item_data in self.answers:
            answers_item = answers_item_data.to_dict()
            answers.append(answers_item)



        remark: None | str
        remark = self.remark

        ip: None | str
        ip = self.ip

        user_agent: None | str
        user_agent = self.user_agent

        at = self.at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "session_id": session_id,
            "refusal": refusal,
            "seconds_remaining": seconds_remaining,
            "answers": answers,
            "remark": remark,
            "ip": ip,
            "user_agent": user_agent,
            "at": at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.refused_submission_read_answers_item import RefusedSubmissionReadAnswersItem # noqa: PLC0415
        d = dict(src_dict)
        session_id = d.pop("session_id")

        refusal = d.pop("refusal")

        seconds_remaining = d.pop("seconds_remaining")

        answers = []
        _answers = d.pop("answers")
        for answers_item_data in (_answers):
            answers_item = RefusedSubmissionReadAnswersItem.from_dict(answers_item_data)



            answers.append(answers_item)


        def _parse_remark(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        remark = _parse_remark(d.pop("remark"))


        def _parse_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip = _parse_ip(d.pop("ip"))


        def _parse_user_agent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_agent = _parse_user_agent(d.pop("user_agent"))


        at = d.pop("at")

        refused_submission_read = cls(
            session_id=session_id,
            refusal=refusal,
            seconds_remaining=seconds_remaining,
            answers=answers,
            remark=remark,
            ip=ip,
            user_agent=user_agent,
            at=at,
        )


        refused_submission_read.additional_properties = d
        return refused_submission_read

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
