from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.session_audit_answers_type_0_item import SessionAuditAnswersType0Item
  from ..models.session_audit_questions_item import SessionAuditQuestionsItem





T = TypeVar("T", bound="SessionAudit")



@_attrs_define
class SessionAudit:
    """ One questionnaire session as kept for audit: questions as shown, answers, times, IP, user agent.

        Attributes:
            session_id (str): The session's id.
            status (str): answering | submitted | aborted
            identity_attempts (int): Identity checks made in this session.
            identity_verified_at (None | str): When identity was proven.
            questions (list[SessionAuditQuestionsItem]): The question texts exactly as shown (`{id, text}`).
            shown_at (str): When the first question was shown (the minimum time runs from it), local time.
            min_seconds (int): Minimum answer time in seconds (60 by default).
            too_fast_attempts (int): Submissions refused as too fast.
            answers (list[SessionAuditAnswersType0Item] | None): The accepted answers (`{question_id, answer}`); null before
                submission.
            remark (None | str): The customer's remark (≤ 200 characters), ID and mobile numbers masked.
            outcome (None | str): completed | problem; null before submission.
            submitted_at (None | str): When it was submitted.
            aborted_at (None | str): When the customer aborted it (→ phone queue).
            ip (None | str): The client IP that opened the session.
            user_agent (None | str): The browser's user agent that opened it.
            submit_ip (None | str): The client IP of the submission.
            submit_user_agent (None | str): The user agent of the submission.
     """

    session_id: str
    status: str
    identity_attempts: int
    identity_verified_at: None | str
    questions: list[SessionAuditQuestionsItem]
    shown_at: str
    min_seconds: int
    too_fast_attempts: int
    answers: list[SessionAuditAnswersType0Item] | None
    remark: None | str
    outcome: None | str
    submitted_at: None | str
    aborted_at: None | str
    ip: None | str
    user_agent: None | str
    submit_ip: None | str
    submit_user_agent: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.session_audit_answers_type_0_item import SessionAuditAnswersType0Item # noqa: PLC0415
        from ..models.session_audit_questions_item import SessionAuditQuestionsItem # noqa: PLC0415
        session_id = self.session_id

        status = self.status

        identity_attempts = self.identity_attempts

        identity_verified_at: None | str
        identity_verified_at = self.identity_verified_at

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)



        shown_at = self.shown_at

        min_seconds = self.min_seconds

        too_fast_attempts = self.too_fast_attempts

        answers: list[dict[str, Any]] | None
        if isinstance(self.answers, list):
            answers = []
            for answers_type_0_item_data in self.answers:
                answers_type_0_item = answers_type_0_item_data.to_dict()
                answers.append(answers_type_0_item)


        else:
            answers = self.answers

        remark: None | str
        remark = self.remark

        outcome: None | str
        outcome = self.outcome

        submitted_at: None | str
        submitted_at = self.submitted_at

        aborted_at: None | str
        aborted_at = self.aborted_at

        ip: None | str
        ip = self.ip

        user_agent: None | str
        user_agent = self.user_agent

        submit_ip: None | str
        submit_ip = self.submit_ip

        submit_user_agent: None | str
        submit_user_agent = self.submit_user_agent


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "session_id": session_id,
            "status": status,
            "identity_attempts": identity_attempts,
            "identity_verified_at": identity_verified_at,
            "questions": questions,
            "shown_at": shown_at,
            "min_seconds": min_seconds,
            "too_fast_attempts": too_fast_attempts,
            "answers": answers,
            "remark": remark,
            "outcome": outcome,
            "submitted_at": submitted_at,
            "aborted_at": aborted_at,
            "ip": ip,
            "user_agent": user_agent,
            "submit_ip": submit_ip,
            "submit_user_agent": submit_user_agent,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_audit_answers_type_0_item import SessionAuditAnswersType0Item # noqa: PLC0415
        from ..models.session_audit_questions_item import SessionAuditQuestionsItem # noqa: PLC0415
        d = dict(src_dict)
        session_id = d.pop("session_id")

        status = d.pop("status")

        identity_attempts = d.pop("identity_attempts")

        def _parse_identity_verified_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        identity_verified_at = _parse_identity_verified_at(d.pop("identity_verified_at"))


        questions = []
        _questions = d.pop("questions")
        for questions_item_data in (_questions):
            questions_item = SessionAuditQuestionsItem.from_dict(questions_item_data)



            questions.append(questions_item)


        shown_at = d.pop("shown_at")

        min_seconds = d.pop("min_seconds")

        too_fast_attempts = d.pop("too_fast_attempts")

        def _parse_answers(data: object) -> list[SessionAuditAnswersType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                answers_type_0 = []
                _answers_type_0 = data
                for answers_type_0_item_data in (_answers_type_0):
                    answers_type_0_item = SessionAuditAnswersType0Item.from_dict(answers_type_0_item_data)



                    answers_type_0.append(answers_type_0_item)

                return answers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SessionAuditAnswersType0Item] | None, data)

        answers = _parse_answers(d.pop("answers"))


        def _parse_remark(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        remark = _parse_remark(d.pop("remark"))


        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))


        def _parse_submitted_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))


        def _parse_aborted_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        aborted_at = _parse_aborted_at(d.pop("aborted_at"))


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


        def _parse_submit_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        submit_ip = _parse_submit_ip(d.pop("submit_ip"))


        def _parse_submit_user_agent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        submit_user_agent = _parse_submit_user_agent(d.pop("submit_user_agent"))


        session_audit = cls(
            session_id=session_id,
            status=status,
            identity_attempts=identity_attempts,
            identity_verified_at=identity_verified_at,
            questions=questions,
            shown_at=shown_at,
            min_seconds=min_seconds,
            too_fast_attempts=too_fast_attempts,
            answers=answers,
            remark=remark,
            outcome=outcome,
            submitted_at=submitted_at,
            aborted_at=aborted_at,
            ip=ip,
            user_agent=user_agent,
            submit_ip=submit_ip,
            submit_user_agent=submit_user_agent,
        )


        session_audit.additional_properties = d
        return session_audit

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
