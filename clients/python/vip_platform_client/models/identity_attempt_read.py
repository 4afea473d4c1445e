from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="IdentityAttemptRead")



@_attrs_define
class IdentityAttemptRead:
    """ One identity check (ID number's last 6 + birth date).

        Attributes:
            matched (bool): True when it matched.
            locked (bool): True when this failure locked further checks.
            ip (None | str): The client IP.
            user_agent (None | str): The browser's user agent.
            at (str): When. Asia/Shanghai local time with offset.
     """

    matched: bool
    locked: bool
    ip: None | str
    user_agent: None | str
    at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        matched = self.matched

        locked = self.locked

        ip: None | str
        ip = self.ip

        user_agent: None | str
        user_agent = self.user_agent

        at = self.at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "matched": matched,
            "locked": locked,
            "ip": ip,
            "user_agent": user_agent,
            "at": at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        matched = d.pop("matched")

        locked = d.pop("locked")

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

        identity_attempt_read = cls(
            matched=matched,
            locked=locked,
            ip=ip,
            user_agent=user_agent,
            at=at,
        )


        identity_attempt_read.additional_properties = d
        return identity_attempt_read

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
