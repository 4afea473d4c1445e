from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="IssuedLinkRead")



@_attrs_define
class IssuedLinkRead:
    """ A newly issued revisit link (the only answer that carries the token).

        Attributes:
            task_id (str): The task's id.
            policy_no (str): The policy number.
            url (str): The H5 page's URL, `.../r/{token}`.
            token (str): The unguessable single-policy token (also in the URL).
            expires_at (str): When it expires (30 days). Asia/Shanghai local time with offset.
     """

    task_id: str
    policy_no: str
    url: str
    token: str
    expires_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        policy_no = self.policy_no

        url = self.url

        token = self.token

        expires_at = self.expires_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "task_id": task_id,
            "policy_no": policy_no,
            "url": url,
            "token": token,
            "expires_at": expires_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("task_id")

        policy_no = d.pop("policy_no")

        url = d.pop("url")

        token = d.pop("token")

        expires_at = d.pop("expires_at")

        issued_link_read = cls(
            task_id=task_id,
            policy_no=policy_no,
            url=url,
            token=token,
            expires_at=expires_at,
        )


        issued_link_read.additional_properties = d
        return issued_link_read

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
