from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LinkInfo")



@_attrs_define
class LinkInfo:
    """ An SMS or WeChat link issued for a task (the token itself is not shown).

        Attributes:
            link_id (str): The link's id.
            purpose (str): Why it was issued: first_sms | second_sms | wechat (self-service) | ops (issued by ops).
            issued_at (str): When it was issued. Asia/Shanghai local time with offset.
            expires_at (str): When it expires (30 days after issue). Asia/Shanghai local time with offset.
     """

    link_id: str
    purpose: str
    issued_at: str
    expires_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        link_id = self.link_id

        purpose = self.purpose

        issued_at = self.issued_at

        expires_at = self.expires_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "link_id": link_id,
            "purpose": purpose,
            "issued_at": issued_at,
            "expires_at": expires_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        link_id = d.pop("link_id")

        purpose = d.pop("purpose")

        issued_at = d.pop("issued_at")

        expires_at = d.pop("expires_at")

        link_info = cls(
            link_id=link_id,
            purpose=purpose,
            issued_at=issued_at,
            expires_at=expires_at,
        )


        link_info.additional_properties = d
        return link_info

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
