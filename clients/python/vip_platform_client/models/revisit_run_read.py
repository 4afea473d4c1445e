from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="RevisitRunRead")



@_attrs_define
class RevisitRunRead:
    """ What a revisit run did.

        Attributes:
            as_of (str): The time run. Asia/Shanghai local time with offset.
            first_sms (int): First SMS links sent.
            second_sms (int): Second SMS links sent (3 days after the first).
            escalated (int): Tasks moved to the phone queue (not done 3 days after the effective date).
            first_sms_policies (list[str]): The policies that got a first SMS.
            second_sms_policies (list[str]): The policies that got a second SMS.
            escalated_policies (list[str]): The policies escalated to the phone queue.
     """

    as_of: str
    first_sms: int
    second_sms: int
    escalated: int
    first_sms_policies: list[str]
    second_sms_policies: list[str]
    escalated_policies: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of

        first_sms = self.first_sms

        second_sms = self.second_sms

        escalated = self.escalated

        first_sms_policies = self.first_sms_policies



        second_sms_policies = self.second_sms_policies



        escalated_policies = self.escalated_policies




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "first_sms": first_sms,
            "second_sms": second_sms,
            "escalated": escalated,
            "first_sms_policies": first_sms_policies,
            "second_sms_policies": second_sms_policies,
            "escalated_policies": escalated_policies,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = d.pop("as_of")

        first_sms = d.pop("first_sms")

        second_sms = d.pop("second_sms")

        escalated = d.pop("escalated")

        first_sms_policies = cast(list[str], d.pop("first_sms_policies"))


        second_sms_policies = cast(list[str], d.pop("second_sms_policies"))


        escalated_policies = cast(list[str], d.pop("escalated_policies"))


        revisit_run_read = cls(
            as_of=as_of,
            first_sms=first_sms,
            second_sms=second_sms,
            escalated=escalated,
            first_sms_policies=first_sms_policies,
            second_sms_policies=second_sms_policies,
            escalated_policies=escalated_policies,
        )


        revisit_run_read.additional_properties = d
        return revisit_run_read

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
