from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="SubmitRead")



@_attrs_define
class SubmitRead:
    """ The outcome of a submission.

        Attributes:
            session_id (str): The session's id.
            status (str): submitted | aborted
            outcome (None | str): completed | problem (问题件: goes to the phone queue); null when aborted.
            task_status (str): The task's status after it.
            already_submitted (bool): True when the session had been submitted before (this answer repeats it).
            message (str): What the page shows, in Chinese.
            submitted_at (None | str): When it was submitted. Asia/Shanghai local time with offset.
     """

    session_id: str
    status: str
    outcome: None | str
    task_status: str
    already_submitted: bool
    message: str
    submitted_at: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        status = self.status

        outcome: None | str
        outcome = self.outcome

        task_status = self.task_status

        already_submitted = self.already_submitted

        message = self.message

        submitted_at: None | str
        submitted_at = self.submitted_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "session_id": session_id,
            "status": status,
            "outcome": outcome,
            "task_status": task_status,
            "already_submitted": already_submitted,
            "message": message,
            "submitted_at": submitted_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_id = d.pop("session_id")

        status = d.pop("status")

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))


        task_status = d.pop("task_status")

        already_submitted = d.pop("already_submitted")

        message = d.pop("message")

        def _parse_submitted_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))


        submit_read = cls(
            session_id=session_id,
            status=status,
            outcome=outcome,
            task_status=task_status,
            already_submitted=already_submitted,
            message=message,
            submitted_at=submitted_at,
        )


        submit_read.additional_properties = d
        return submit_read

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
