from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CustomerRevisitRead")



@_attrs_define
class CustomerRevisitRead:
    """ A revisit the customer can do in WeChat.

        Attributes:
            task_id (str): The task's id (ask a link for it).
            policy_no (str): The policy number.
            product_name (str): The product's name in Chinese.
            status (str): pending | sms_sent | problem | phone_queue | ...
            underwritten_at (str): When the policy was underwritten. Asia/Shanghai local time with offset.
            effective_date (datetime.date): The policy's effective date.
            available_from (str): When WeChat self-service opens for it. Asia/Shanghai local time with offset.
     """

    task_id: str
    policy_no: str
    product_name: str
    status: str
    underwritten_at: str
    effective_date: datetime.date
    available_from: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        policy_no = self.policy_no

        product_name = self.product_name

        status = self.status

        underwritten_at = self.underwritten_at

        effective_date = self.effective_date.isoformat()

        available_from = self.available_from


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "task_id": task_id,
            "policy_no": policy_no,
            "product_name": product_name,
            "status": status,
            "underwritten_at": underwritten_at,
            "effective_date": effective_date,
            "available_from": available_from,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("task_id")

        policy_no = d.pop("policy_no")

        product_name = d.pop("product_name")

        status = d.pop("status")

        underwritten_at = d.pop("underwritten_at")

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        available_from = d.pop("available_from")

        customer_revisit_read = cls(
            task_id=task_id,
            policy_no=policy_no,
            product_name=product_name,
            status=status,
            underwritten_at=underwritten_at,
            effective_date=effective_date,
            available_from=available_from,
        )


        customer_revisit_read.additional_properties = d
        return customer_revisit_read

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
