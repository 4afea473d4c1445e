from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.identity_attempt_read import IdentityAttemptRead
  from ..models.link_info import LinkInfo
  from ..models.phone_item_read import PhoneItemRead
  from ..models.refused_submission_read import RefusedSubmissionRead
  from ..models.session_audit import SessionAudit
  from ..models.task_read import TaskRead





T = TypeVar("T", bound="TaskDetail")



@_attrs_define
class TaskDetail:
    """ A task with everything kept for audit.

        Attributes:
            task (TaskRead): A revisit task of one policy (SPEC 5), for ops; holder numbers masked.
            links (list[LinkInfo]): Links issued.
            sessions (list[SessionAudit]): Questionnaire sessions.
            identity_attempts (list[IdentityAttemptRead]): Identity checks.
            refused_submissions (list[RefusedSubmissionRead]): Too-fast submissions.
            phone_items (list[PhoneItemRead]): Phone queue items.
     """

    task: TaskRead
    links: list[LinkInfo]
    sessions: list[SessionAudit]
    identity_attempts: list[IdentityAttemptRead]
    refused_submissions: list[RefusedSubmissionRead]
    phone_items: list[PhoneItemRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.identity_attempt_read import IdentityAttemptRead # noqa: PLC0415
        from ..models.link_info import LinkInfo # noqa: PLC0415
        from ..models.phone_item_read import PhoneItemRead # noqa: PLC0415
        from ..models.refused_submission_read import RefusedSubmissionRead # noqa: PLC0415
        from ..models.session_audit import SessionAudit # noqa: PLC0415
        from ..models.task_read import TaskRead # noqa: PLC0415
        task = self.task.to_dict()

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)



        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)



        identity_attempts = []
        for identity_attempts_item_data in self.identity_attempts:
            identity_attempts_item = identity_attempts_item_data.to_dict()
            identity_attempts.append(identity_attempts_item)



        refused_submissions = []
        for refused_submissions_item_data in self.refused_submissions:
            refused_submissions_item = refused_submissions_item_data.to_dict()
            refused_submissions.append(refused_submissions_item)



        phone_items = []
        for phone_items_item_data in self.phone_items:
            phone_items_item = phone_items_item_data.to_dict()
            phone_items.append(phone_items_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "task": task,
            "links": links,
            "sessions": sessions,
            "identity_attempts": identity_attempts,
            "refused_submissions": refused_submissions,
            "phone_items": phone_items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.identity_attempt_read import IdentityAttemptRead # noqa: PLC0415
        from ..models.link_info import LinkInfo # noqa: PLC0415
        from ..models.phone_item_read import PhoneItemRead # noqa: PLC0415
        from ..models.refused_submission_read import RefusedSubmissionRead # noqa: PLC0415
        from ..models.session_audit import SessionAudit # noqa: PLC0415
        from ..models.task_read import TaskRead # noqa: PLC0415
        d = dict(src_dict)
        task = TaskRead.from_dict(d.pop("task"))




        links = []
        _links = d.pop("links")
        for links_item_data in (_links):
            links_item = LinkInfo.from_dict(links_item_data)



            links.append(links_item)


        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in (_sessions):
            sessions_item = SessionAudit.from_dict(sessions_item_data)



            sessions.append(sessions_item)


        identity_attempts = []
        _identity_attempts = d.pop("identity_attempts")
        for identity_attempts_item_data in (_identity_attempts):
            identity_attempts_item = IdentityAttemptRead.from_dict(identity_attempts_item_data)



            identity_attempts.append(identity_attempts_item)


        refused_submissions = []
        _refused_submissions = d.pop("refused_submissions")
        for refused_submissions_item_data in (_refused_submissions):
            refused_submissions_item = RefusedSubmissionRead.from_dict(refused_submissions_item_data)



            refused_submissions.append(refused_submissions_item)


        phone_items = []
        _phone_items = d.pop("phone_items")
        for phone_items_item_data in (_phone_items):
            phone_items_item = PhoneItemRead.from_dict(phone_items_item_data)



            phone_items.append(phone_items_item)


        task_detail = cls(
            task=task,
            links=links,
            sessions=sessions,
            identity_attempts=identity_attempts,
            refused_submissions=refused_submissions,
            phone_items=phone_items,
        )


        task_detail.additional_properties = d
        return task_detail

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
